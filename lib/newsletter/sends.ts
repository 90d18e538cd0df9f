import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import { commitWithFinish, type Finish } from "@/lib/db/commit";
import { isSqlite } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";

/**
 * The queue behind a newsletter send: one delivery row per confirmed subscriber, claimed by
 * a sender for a lease, recorded as sent before the message is finalised (see sender.ts),
 * so that each subscriber gets each send once, across crashes and several senders.
 */
export const MAX_ATTEMPTS = 5;

/** The slugs a piece is filed under: who follows any of them receives it. */
export interface Audience {
  topics: readonly string[];
  authors: readonly string[];
}

/**
 * Confirmed subscribers who follow everything, or any of the piece's topics or authors: the
 * condition on `subscribers` that a send's deliveries and its count share.
 */
function audience(subscriber: ExpressionBuilder<Database, "subscribers">, piece: Audience) {
  return subscriber.and([
    subscriber("status", "=", "confirmed"),
    subscriber.or([
      subscriber("follows_everything", "=", 1),
      subscriber.exists(
        subscriber
          .selectFrom("subscriber_follows")
          .select(sql.lit(1).as("one"))
          .whereRef("subscriber_follows.subscriber_id", "=", "subscribers.id")
          .where((follow) =>
            follow.or([
              ...(piece.topics.length
                ? [follow.and([follow("kind", "=", "topic"), follow("slug", "in", piece.topics)])]
                : []),
              ...(piece.authors.length
                ? [follow.and([follow("kind", "=", "author"), follow("slug", "in", piece.authors)])]
                : []),
              // Nothing to match: the subquery finds nothing.
              follow.lit(false),
            ]),
          ),
      ),
    ]),
  ]);
}

/** How many subscribers a piece would go to now. */
export async function audienceSize(db: Kysely<Database>, piece: Audience): Promise<number> {
  const row = await db
    .selectFrom("subscribers")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where((subscriber) => audience(subscriber, piece))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Queues an article for every confirmed subscriber who follows everything, or any of its
 * topics or authors (`topics`, `authors`: slugs); null if it was sent already.
 */
export async function createSend(
  db: Kysely<Database>,
  send: { articleSlug: string; subject: string; createdBy: string } & Audience,
  now = new Date(),
): Promise<{ id: string; recipients: number } | null> {
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const inserted = await trx
      .insertInto("newsletter_sends")
      .values({
        id,
        article_slug: send.articleSlug,
        subject: send.subject,
        created_by: send.createdBy,
        created_at: now.toISOString(),
        finished_at: null,
      })
      .onConflict((conflict) => conflict.column("article_slug").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    const queued = await trx
      .insertInto("newsletter_deliveries")
      .columns(["send_id", "subscriber_id", "status"])
      .expression((eb) =>
        eb
          .selectFrom("subscribers")
          .select([sql.lit(id).as("send_id"), "id", sql.lit("pending").as("status")])
          .where((subscriber) => audience(subscriber, send)),
      )
      .executeTakeFirst();
    return { id, recipients: Number(queued.numInsertedOrUpdatedRows ?? 0) };
  });
}

export interface Delivery {
  sendId: string;
  subscriberId: string;
  email: string;
  articleSlug: string;
  subject: string;
}

/**
 * Claims up to `limit` deliveries for one sender: pending ones, and claimed ones whose lease
 * ran out (their sender died). PostgreSQL skips rows another sender has locked; SQLite
 * serialises writers, and the single statement claims atomically.
 */
export async function claimDeliveries(
  db: Kysely<Database>,
  worker: string,
  limit: number,
  leaseMs: number,
  now = new Date(),
): Promise<Delivery[]> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const claimable = db
    .selectFrom("newsletter_deliveries")
    .where((eb) =>
      eb.or([
        eb("status", "=", "pending"),
        eb.and([eb("status", "=", "claimed"), eb("claimed_until", "<", now.toISOString())]),
      ]),
    )
    .limit(limit);
  const claimed = isSqlite(db as Kysely<unknown>)
    ? await db
        .updateTable("newsletter_deliveries")
        .set((eb) => ({
          status: "claimed",
          claimed_by: worker,
          claimed_until: until,
          attempts: eb("attempts", "+", 1),
        }))
        .where(sql.ref("rowid"), "in", claimable.select(sql<number>`rowid`.as("rowid")))
        .returning(["send_id", "subscriber_id", "attempts"])
        .execute()
    : await db
        .updateTable("newsletter_deliveries")
        .set((eb) => ({
          status: "claimed",
          claimed_by: worker,
          claimed_until: until,
          attempts: eb("attempts", "+", 1),
        }))
        .where((eb) =>
          eb(
            eb.refTuple("send_id", "subscriber_id"),
            "in",
            claimable
              .select(["send_id", "subscriber_id"])
              .forUpdate()
              .skipLocked()
              .$asTuple("send_id", "subscriber_id"),
          ),
        )
        .returning(["send_id", "subscriber_id", "attempts"])
        .execute();
  if (claimed.length === 0) return [];

  const exhausted = claimed.filter((row) => row.attempts > MAX_ATTEMPTS);
  for (const row of exhausted) {
    await failDelivery(
      db,
      { sendId: row.send_id, subscriberId: row.subscriber_id },
      worker,
      "gave up after repeated failures",
    );
  }
  const live = claimed.filter((row) => row.attempts <= MAX_ATTEMPTS);
  if (live.length === 0) return [];
  const details = await db
    .selectFrom("newsletter_deliveries")
    .innerJoin("subscribers", "subscribers.id", "newsletter_deliveries.subscriber_id")
    .innerJoin("newsletter_sends", "newsletter_sends.id", "newsletter_deliveries.send_id")
    .select([
      "newsletter_deliveries.send_id",
      "newsletter_deliveries.subscriber_id",
      "subscribers.email",
      "subscribers.status",
      "newsletter_sends.article_slug",
      "newsletter_sends.subject",
    ])
    .where("newsletter_deliveries.claimed_by", "=", worker)
    .where("newsletter_deliveries.status", "=", "claimed")
    .where(
      "newsletter_deliveries.subscriber_id",
      "in",
      live.map((row) => row.subscriber_id),
    )
    .execute();
  const deliveries: Delivery[] = [];
  for (const row of details) {
    if (
      !live.some(
        (claim) => claim.send_id === row.send_id && claim.subscriber_id === row.subscriber_id,
      )
    )
      continue;
    if (row.status !== "confirmed" || !row.email) {
      await db
        .updateTable("newsletter_deliveries")
        .set({ status: "skipped" })
        .where("send_id", "=", row.send_id)
        .where("subscriber_id", "=", row.subscriber_id)
        .execute();
      continue;
    }
    deliveries.push({
      sendId: row.send_id,
      subscriberId: row.subscriber_id,
      email: row.email,
      articleSlug: row.article_slug,
      subject: row.subject,
    });
  }
  return deliveries;
}

type DeliveryKey = Pick<Delivery, "sendId" | "subscriberId">;

/** The delivery, while this worker holds it: the condition of every write a sender makes. */
function heldBy(delivery: DeliveryKey, worker: string, { claimed = true } = {}) {
  return (eb: ExpressionBuilder<Database, "newsletter_deliveries">) =>
    eb.and([
      eb("send_id", "=", delivery.sendId),
      eb("subscriber_id", "=", delivery.subscriberId),
      eb("claimed_by", "=", worker),
      ...(claimed ? [eb("status", "=", "claimed")] : []),
    ]);
}

/**
 * Records a delivery as sent, if this worker still holds it; false when another sender took
 * it over (its lease ran out). With `finish`, the message is ended just before the commit
 * (lib/db/commit.ts).
 */
export async function markSent(
  db: Kysely<Database>,
  delivery: DeliveryKey,
  worker: string,
  { now = new Date(), finish }: { now?: Date; finish?: Finish } = {},
): Promise<boolean> {
  return commitWithFinish(
    db,
    async (connection) => {
      const result = await connection
        .updateTable("newsletter_deliveries")
        .set({ status: "sent", sent_at: now.toISOString(), claimed_until: null })
        .where(heldBy(delivery, worker))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    finish,
  );
}

/** Gives a delivery back to the queue after a failure before anything was sent. */
export async function releaseDelivery(
  db: Kysely<Database>,
  delivery: DeliveryKey,
  worker: string,
  error: string,
): Promise<void> {
  await db
    .updateTable("newsletter_deliveries")
    .set({ status: "pending", claimed_by: null, claimed_until: null, error })
    .where(heldBy(delivery, worker))
    .execute();
}

/** A delivery the mail server refused for good (after it was recorded as sent, or too often). */
export async function failDelivery(
  db: Kysely<Database>,
  delivery: DeliveryKey,
  worker: string,
  error: string,
): Promise<void> {
  await db
    .updateTable("newsletter_deliveries")
    .set({ status: "failed", error: error.slice(0, 500) })
    .where(heldBy(delivery, worker, { claimed: false }))
    .execute();
}

/** Marks sends with nothing left to deliver as finished. */
export async function finishSends(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db
    .updateTable("newsletter_sends")
    .set({ finished_at: now.toISOString() })
    .where("finished_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("newsletter_deliveries")
            .select(sql`1`.as("one"))
            .whereRef("newsletter_deliveries.send_id", "=", "newsletter_sends.id")
            .where("newsletter_deliveries.status", "in", ["pending", "claimed"]),
        ),
      ),
    )
    .execute();
}

export interface SendProgress {
  id: string;
  articleSlug: string;
  subject: string;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

export async function sendProgress(db: Kysely<Database>): Promise<SendProgress[]> {
  const sends = await db
    .selectFrom("newsletter_sends")
    .selectAll()
    .orderBy("created_at", "desc")
    .execute();
  const counts = await db
    .selectFrom("newsletter_deliveries")
    .select(["send_id", "status", (eb) => eb.fn.countAll<string | number>().as("count")])
    .groupBy(["send_id", "status"])
    .execute();
  return sends.map((send) => {
    const of = (status: string) =>
      Number(counts.find((row) => row.send_id === send.id && row.status === status)?.count ?? 0);
    const total = counts
      .filter((row) => row.send_id === send.id)
      .reduce((sum, row) => sum + Number(row.count), 0);
    return {
      id: send.id,
      articleSlug: send.article_slug,
      subject: send.subject,
      createdAt: send.created_at,
      finishedAt: send.finished_at,
      total,
      sent: of("sent"),
      failed: of("failed"),
      skipped: of("skipped"),
    };
  });
}
