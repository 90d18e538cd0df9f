import type { DefaultSession } from "next-auth";

/** What lib/auth/config.ts's session callback adds to Auth.js's session. */
declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & {
      id: string;
      emailVerified: Date | string | null;
    };
  }
}
