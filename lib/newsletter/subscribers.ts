import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, SubscriberStatus } from "@/lib/db/schema";
import { newToken, sameSecret, sha256 } from "@/lib/crypto/signed";
import { setFollows, type Follows } from "./follows";
import { addressHash } from "./tokens";

/** A confirmation link works this long. */
export const CONFIRM_LINK_HOURS = 48;
/** One confirmation mail per address per this many minutes, however often the form is sent. */
export const CONFIRM_MAIL_WINDOW_MINUTES = 15;
/** Addresses that never confirm are forgotten after this many days. */
export const PENDING_DAYS = 7;

const minutes = (count: number) => count * 60_000;

export type SubscribeOutcome =
  | {
      send: true;
      subscriberId: string;
      token: string;
      /** The mail is reserved at this time: releaseConfirmation() gives it back if it fails. */
      reservedAt: string;
      previousSentAt: string | null;
    }
  | { send: false; reason: "confirmed" | "recently-sent" };

/**
 * A signup, as the sender processes it from the queue (signups.ts). New, pending and
 * unsubscribed addresses get a fresh confirmation token, at most one mail per window; a
 * confirmed one gets nothing. Taking the window is one conditional write, so that two
 * signups processed at once (a flood, two instances) mail once. The token's hash is stored
 * before its mail is sent, so that no mail carries a link that cannot work; a mail that then
 * fails gives its window back (releaseConfirmation), and the next signup is mailed at once.
 */
export async function requestSubscription(
  db: Kysely<Database>,
  address: string,
  now = new Date(),
  follows: Follows | null = null,
): Promise<SubscribeOutcome> {
  const token = newToken();
  const hash = addressHash(address);
  const reservedAt = now.toISOString();
  const windowStart = new Date(now.getTime() - minutes(CONFIRM_MAIL_WINDOW_MINUTES)).toISOString();
  const fields = {
    email: address,
    status: "pending" as SubscriberStatus,
    confirm_token_hash: sha256(token),
    confirm_expires_at: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000).toISOString(),
    confirm_sent_at: reservedAt,
  };
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("subscribers")
      .select(["id", "status", "confirm_sent_at"])
      .where("email_hash", "=", hash)
      .executeTakeFirst();
    if (!existing) {
      const id = randomUUID();
      const inserted = await trx
        .insertInto("subscribers")
        .values({
          id,
          email_hash: hash,
          source: "form",
          created_at: now.toISOString(),
          confirmed_at: null,
          unsubscribed_at: null,
          ...fields,
        })
        .onConflict((conflict) => conflict.column("email_hash").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) {
        return { send: false, reason: "recently-sent" };
      }
      await setFollows(trx, id, follows);
      return { send: true, subscriberId: id, token, reservedAt, previousSentAt: null };
    }
    if (existing.status === "confirmed") return { send: false, reason: "confirmed" };
    const taken = await trx
      .updateTable("subscribers")
      .set({ ...fields, source: "form", unsubscribed_at: null })
      .where("id", "=", existing.id)
      .where((eb) =>
        eb.or([
          eb("status", "=", "unsubscribed"),
          eb.and([
            eb("status", "=", "pending"),
            eb.or([eb("confirm_sent_at", "is", null), eb("confirm_sent_at", "<", windowStart)]),
          ]),
        ]),
      )
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return { send: false, reason: "recently-sent" };
    // The choice made with this signup, which the confirmation makes good.
    await setFollows(trx, existing.id, follows);
    return {
      send: true,
      subscriberId: existing.id,
      token,
      reservedAt,
      previousSentAt: existing.status === "pending" ? existing.confirm_sent_at : null,
    };
  });
}

/** The confirmation mail could not go: its window is given back, for a signup to try again. */
export async function releaseConfirmation(
  db: Kysely<Database>,
  outcome: { subscriberId: string; reservedAt: string; previousSentAt: string | null },
): Promise<void> {
  await db
    .updateTable("subscribers")
    .set({ confirm_sent_at: outcome.previousSentAt })
    .where("id", "=", outcome.subscriberId)
    .where("confirm_sent_at", "=", outcome.reservedAt)
    .execute();
}

/** A signed-in reader whose address the sign-in verified subscribes with one press. */
export async function subscribeVerified(
  db: Kysely<Database>,
  address: string,
  now = new Date(),
  follows: Follows | null = null,
): Promise<void> {
  const hash = addressHash(address);
  const confirmed = {
    email: address,
    status: "confirmed" as SubscriberStatus,
    source: "account",
    confirm_token_hash: null,
    confirm_expires_at: null,
    confirmed_at: now.toISOString(),
    unsubscribed_at: null,
  };
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("subscribers")
      .select(["id", "status"])
      .where("email_hash", "=", hash)
      .executeTakeFirst();
    if (existing?.status === "confirmed") {
      // Subscribed already: what they ticked now is what they follow.
      await setFollows(trx, existing.id, follows);
      return;
    }
    const id = existing?.id ?? randomUUID();
    if (existing) {
      await trx.updateTable("subscribers").set(confirmed).where("id", "=", existing.id).execute();
    } else {
      await trx
        .insertInto("subscribers")
        .values({
          id,
          email_hash: hash,
          created_at: now.toISOString(),
          confirm_sent_at: null,
          ...confirmed,
        })
        .execute();
    }
    await setFollows(trx, id, follows);
  });
}

export type LinkState = "valid" | "expired" | "used" | "invalid";

/** What a confirmation link is worth, read without changing anything. */
export async function confirmLinkState(
  db: Kysely<Database>,
  subscriberId: string,
  token: string,
  now = new Date(),
): Promise<{ state: LinkState; email: string | null }> {
  const row = await db
    .selectFrom("subscribers")
    .select(["email", "status", "confirm_token_hash", "confirm_expires_at"])
    .where("id", "=", subscriberId)
    .executeTakeFirst();
  if (!row) return { state: "invalid", email: null };
  if (row.status === "confirmed") return { state: "used", email: row.email };
  if (
    row.status !== "pending" ||
    !row.confirm_token_hash ||
    !sameSecret(sha256(token), row.confirm_token_hash)
  ) {
    return { state: "invalid", email: null };
  }
  if (!row.confirm_expires_at || new Date(row.confirm_expires_at) < now)
    return { state: "expired", email: row.email };
  return { state: "valid", email: row.email };
}

/** Confirms with a link's token: once, before it expires. */
export async function confirmSubscription(
  db: Kysely<Database>,
  subscriberId: string,
  token: string,
  now = new Date(),
): Promise<LinkState> {
  const { state } = await confirmLinkState(db, subscriberId, token, now);
  if (state !== "valid") return state;
  const result = await db
    .updateTable("subscribers")
    .set({
      status: "confirmed",
      confirmed_at: now.toISOString(),
      confirm_token_hash: null,
      confirm_expires_at: null,
    })
    .where("id", "=", subscriberId)
    .where("status", "=", "pending")
    .where("confirm_token_hash", "=", sha256(token))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? "valid" : "used";
}

/**
 * Unsubscribes: the address goes, its hash stays (to honour the choice), and the
 * subscriber's copies of sends not yet mailed are skipped. True if it was subscribed.
 */
export async function unsubscribe(
  db: Kysely<Database>,
  subscriberId: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("subscribers")
      .set({
        status: "unsubscribed",
        email: null,
        unsubscribed_at: now.toISOString(),
        confirm_token_hash: null,
        confirm_expires_at: null,
      })
      .where("id", "=", subscriberId)
      .where("status", "!=", "unsubscribed")
      .executeTakeFirst();
    await trx
      .updateTable("newsletter_deliveries")
      .set({ status: "skipped" })
      .where("subscriber_id", "=", subscriberId)
      .where("status", "=", "pending")
      .execute();
    return Number(result.numUpdatedRows) === 1;
  });
}

/** Forgets addresses that never confirmed, PENDING_DAYS after their last confirmation mail. */
export async function purgeUnconfirmed(db: Kysely<Database>, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PENDING_DAYS * 86_400_000).toISOString();
  const result = await db
    .deleteFrom("subscribers")
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("confirm_sent_at", "<", cutoff), eb("confirm_sent_at", "is", null)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface SubscriberCounts {
  confirmed: number;
  pending: number;
  unsubscribed: number;
}

export async function subscriberCounts(db: Kysely<Database>): Promise<SubscriberCounts> {
  const rows = await db
    .selectFrom("subscribers")
    .select(["status", (eb) => eb.fn.countAll<string | number>().as("count")])
    .groupBy("status")
    .execute();
  const counts: SubscriberCounts = { confirmed: 0, pending: 0, unsubscribed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** A subscriber's state by id, for the unsubscribe page; "gone" when there is no such row. */
export async function subscriberStatusById(
  db: Kysely<Database>,
  subscriberId: string,
): Promise<SubscriberStatus | "gone"> {
  const row = await db
    .selectFrom("subscribers")
    .select("status")
    .where("id", "=", subscriberId)
    .executeTakeFirst();
  return row?.status ?? "gone";
}

export interface ExportRow {
  email: string;
  email_sha256: string;
  status: SubscriberStatus;
  source: string;
  created_at: string;
  confirmed_at: string;
  unsubscribed_at: string;
}

/** Every subscriber and their state, oldest first, for export. */
export async function exportSubscribers(db: Kysely<Database>): Promise<ExportRow[]> {
  const rows = await db
    .selectFrom("subscribers")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    email: row.email ?? "",
    email_sha256: row.email_hash,
    status: row.status,
    source: row.source,
    created_at: row.created_at,
    confirmed_at: row.confirmed_at ?? "",
    unsubscribed_at: row.unsubscribed_at ?? "",
  }));
}
