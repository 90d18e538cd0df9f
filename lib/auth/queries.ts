import "server-only";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { authTime } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";

export type SignInLinkState = "valid" | "expired" | "unknown";

/** Auth.js stores a sign-in token as SHA-256 of the token and the secret, in hex. */
export function hashSignInToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/**
 * Whether a sign-in link can still be used, read without spending it: the page the link
 * opens says "expired" or "already used" before the reader presses anything.
 */
export async function signInLinkState(
  db: Kysely<Database>,
  link: { email: string; token: string },
  secret: string,
): Promise<SignInLinkState> {
  const row = await db
    .selectFrom("VerificationToken")
    .select("expires")
    .where("identifier", "=", link.email)
    .where("token", "=", hashSignInToken(link.token, secret))
    .executeTakeFirst();
  if (!row) return "unknown";
  return new Date(row.expires).getTime() < Date.now() ? "expired" : "valid";
}

export interface Account {
  id: string;
  name: string;
  email: string;
  /** How the reader can sign in: "email", and any linked provider. */
  providers: string[];
}

export async function getAccount(db: Kysely<Database>, userId: string): Promise<Account | null> {
  const user = await db
    .selectFrom("User")
    .select(["id", "name", "email"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;
  const linked = await db
    .selectFrom("Account")
    .select("provider")
    .where("userId", "=", userId)
    .execute();
  return {
    id: user.id,
    name: user.name ?? "Reader",
    email: user.email,
    providers: ["email", ...linked.map((account) => account.provider)],
  };
}

export async function countSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const { count } = await db
    .selectFrom("Session")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("userId", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export interface ReaderCounts {
  readers: number;
  signedInNow: number;
}

/** How many accounts exist, and how many have a live session, for the moderators' page. */
export async function readerCounts(db: Kysely<Database>, now = new Date()): Promise<ReaderCounts> {
  const [readers, live] = await Promise.all([
    db
      .selectFrom("User")
      .select((eb) => eb.fn.countAll<string | number>().as("count"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("Session")
      .select((eb) => eb.fn.count<string | number>("userId").distinct().as("count"))
      .where("expires", ">", authTime(db, now))
      .executeTakeFirstOrThrow(),
  ]);
  return { readers: Number(readers.count), signedInNow: Number(live.count) };
}
