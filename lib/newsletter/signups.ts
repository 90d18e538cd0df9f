import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { isSqlite } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";
import { deserialiseFollows, serialiseFollows, type Follows } from "./follows";

/**
 * The queue between the signup form and the confirmation mail. The form adds one row,
 * whatever the address (new, pending, subscribed): the answer takes as long in every case,
 * so its timing tells nobody who subscribes. The sender claims rows for a lease, mails the
 * confirmation where one is due (subscribers.ts decides), and removes the row; a mail server
 * that refuses leaves it for a later attempt, so a signup during a mail outage is confirmed
 * once mail is back.
 */
export const SIGNUP_LEASE_MS = 30_000;
/** A signup whose confirmation could not be sent for this long is dropped. */
export const SIGNUP_GIVE_UP_MS = 24 * 3_600_000;

export async function enqueueSignup(
  db: Kysely<Database>,
  email: string,
  now = new Date(),
  follows: Follows | null = null,
): Promise<void> {
  await db
    .insertInto("newsletter_signups")
    .values({
      id: randomUUID(),
      email,
      requested_at: now.toISOString(),
      next_attempt_at: now.toISOString(),
      claimed_by: null,
      claimed_until: null,
      error: null,
      follows: serialiseFollows(follows),
    })
    .execute();
}

export interface QueuedSignup {
  id: string;
  email: string;
  requestedAt: string;
  attempts: number;
  /** What the signup chose: null for everything. */
  follows: Follows | null;
}

/** Claims up to `limit` due signups for one worker, as claimDeliveries does deliveries. */
export async function claimSignups(
  db: Kysely<Database>,
  worker: string,
  limit: number,
  now = new Date(),
): Promise<QueuedSignup[]> {
  const due = db
    .selectFrom("newsletter_signups")
    .where("next_attempt_at", "<=", now.toISOString())
    .where((eb) =>
      eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now.toISOString())]),
    )
    .orderBy("next_attempt_at")
    .limit(limit);
  const claim = {
    claimed_by: worker,
    claimed_until: new Date(now.getTime() + SIGNUP_LEASE_MS).toISOString(),
  };
  const rows = await db
    .updateTable("newsletter_signups")
    .set((eb) => ({ ...claim, attempts: eb("attempts", "+", 1) }))
    .where(
      "id",
      "in",
      isSqlite(db as Kysely<unknown>)
        ? due.select("id")
        : due.select("id").forUpdate().skipLocked(),
    )
    .returning(["id", "email", "requested_at", "attempts", "follows"])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    requestedAt: row.requested_at,
    attempts: row.attempts,
    follows: deserialiseFollows(row.follows),
  }));
}

/** Done with a signup: mailed, or nothing to mail. */
export async function completeSignup(
  db: Kysely<Database>,
  signup: QueuedSignup,
  worker: string,
): Promise<void> {
  await db
    .deleteFrom("newsletter_signups")
    .where("id", "=", signup.id)
    .where("claimed_by", "=", worker)
    .execute();
}

/**
 * The mail could not go: tried again after a wait that doubles from 30 s up to an hour, and
 * dropped after a day (the reader can sign up again; the address is not kept).
 */
export async function retrySignup(
  db: Kysely<Database>,
  signup: QueuedSignup,
  worker: string,
  error: string,
  now = new Date(),
): Promise<"retry" | "dropped"> {
  if (now.getTime() - Date.parse(signup.requestedAt) > SIGNUP_GIVE_UP_MS) {
    await completeSignup(db, signup, worker);
    return "dropped";
  }
  const waitMs = Math.min(30_000 * 2 ** Math.max(0, signup.attempts - 1), 3_600_000);
  await db
    .updateTable("newsletter_signups")
    .set({
      next_attempt_at: new Date(now.getTime() + waitMs).toISOString(),
      claimed_by: null,
      claimed_until: null,
      error: error.slice(0, 500),
    })
    .where("id", "=", signup.id)
    .where("claimed_by", "=", worker)
    .execute();
  return "retry";
}

/** Whether any signup is due now: a read, so that an idle poll takes no write lock. */
export async function hasDueSignups(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom("newsletter_signups")
    .select(sql<number>`1`.as("due"))
    .where("next_attempt_at", "<=", now.toISOString())
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
