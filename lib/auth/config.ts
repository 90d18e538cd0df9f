import "server-only";
import type { Kysely } from "kysely";
import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import type { EmailConfig } from "next-auth/providers/email";
import type { OIDCConfig } from "next-auth/providers";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { authTime } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";
import { sendMail } from "@/lib/mail";
import { checkEmailAddress, EMAIL_MESSAGES } from "@/lib/mail/address";
import { siteAdapter } from "./adapter";
import { hashSignInToken } from "./queries";
import { safeReturnPath } from "@/lib/http/return-to";
import { getAuthSecret } from "./secret";
import { signInMail } from "./sign-in-mail";

/** A sign-in link works once, for this long. */
export const SIGN_IN_LINK_LIFETIME_SECONDS = 60 * 60;

/** The page a sign-in link opens: it shows a button, and only the button's POST signs in. */
export const VERIFY_PAGE = "/signin/verify";

function emailProvider(db: Kysely<Database>): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    maxAge: SIGN_IN_LINK_LIFETIME_SECONDS,
    normalizeIdentifier(identifier) {
      const result = checkEmailAddress(identifier);
      if (!result.ok) throw new Error(EMAIL_MESSAGES[result.problem]);
      return result.address;
    },
    async sendVerificationRequest({ identifier, token, url, expires }) {
      // Auth.js stores the token and sends the mail side by side: a failed insert still sent
      // a link that could not work. Here the token is stored first, and the mail goes only
      // once it is; the adapter's own insert then finds it there (adapter.ts).
      await db
        .insertInto("VerificationToken")
        .values({
          identifier,
          token: hashSignInToken(token, getAuthSecret()),
          expires: authTime(db, expires),
        })
        .execute();
      // Auth.js builds its callback URL from AUTH_URL (SITE_URL); the mail links to the
      // page with the button instead, carrying the same parameters.
      const callback = new URL(url);
      const link = new URL(VERIFY_PAGE, getConfig().siteUrl);
      link.search = callback.search;
      await sendMail(signInMail(identifier, link.toString(), expires));
    },
  };
}

export interface ProviderButton {
  id: string;
  name: string;
}

/** The providers besides e-mail that are configured, for the buttons on /signin. */
export function externalProviders(): ProviderButton[] {
  const { github, oidc } = getConfig().auth;
  return [
    ...(github ? [{ id: "github", name: "GitHub" }] : []),
    ...(oidc ? [{ id: "oidc", name: oidc.name }] : []),
  ];
}

function oidcProvider(): OIDCConfig<Record<string, unknown>>[] {
  const { oidc } = getConfig().auth;
  if (!oidc) return [];
  return [
    {
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
    },
  ];
}

/** Expected refusals are told to the reader; the log only needs a line, not a stack. */
const EXPECTED_ERRORS = new Set(["Verification", "AccessDenied", "OAuthAccountNotLinked"]);

export async function buildAuthConfig(): Promise<NextAuthConfig> {
  const { auth, siteUrl } = getConfig();
  const db = await getDb();
  return {
    adapter: siteAdapter(db),
    secret: getAuthSecret(),
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    providers: [
      emailProvider(db),
      ...(auth.github
        ? [GitHub({ clientId: auth.github.clientId, clientSecret: auth.github.clientSecret })]
        : []),
      ...oidcProvider(),
    ],
    pages: {
      signIn: "/signin",
      signOut: "/account",
      verifyRequest: "/signin/check-email",
      error: "/signin/error",
    },
    callbacks: {
      redirect({ url }) {
        return new URL(safeReturnPath(url, siteUrl), siteUrl).toString();
      },
    },
    logger: {
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        if (EXPECTED_ERRORS.has(type))
          console.warn(`[auth] ${type}: ${error.message.split("\n")[0]}`);
        else console.error("[auth]", error);
      },
      warn(code) {
        console.warn(`[auth] warning: ${code}`);
      },
      debug() {},
    },
  };
}
