import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import { commitWithFinish, type Finish } from "@/lib/db/commit";
import { isSqlite } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";
import type { MailMessage } from "./index";
import { sendOnce } from "./once";

/**
 * Mail that must go once and must not be lost: the explanation of a moderation decision,
 * a moderator's alert, a notice's receipt. It is written into mail_queue in the same
 * transaction as what it is about (a decision and its mail, or neither), and every server
 * process sends what is due: a sender claims rows for a lease and records each as sent in the
 * same moment as the mail server accepts it (lib/mail/once.ts), so an instance killed
 * mid-send neither loses a message nor sends one twice.
 */

export interface QueuedMessage extends Omit<MailMessage, "html"> {
  /** What it is; a kind with a composer (see drainMailQueue) is written when it goes. */
  kind: string;
  html?: string;
  /** Not before this moment (an alert waits for the end of its window). */
  notBefore?: Date;
  /** Its id, when the caller has already named it (an alert's place is taken by it). */
  id?: string;
}

/** A message that cannot be written is refused here, before anything is stored. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

export async function enqueueMail(
  db: Kysely<Database>,
  message: QueuedMessage,
  now = new Date(),
): Promise<string> {
  const id = message.id ?? randomUUID();
  await db
    .insertInto("mail_queue")
    .values({
      id,
      kind: message.kind,
      recipient: oneLine(message.to),
      subject: oneLine(message.subject),
      text: message.text,
      html: message.html ?? null,
      headers: message.headers ? JSON.stringify(message.headers) : null,
      status: "pending",
      not_before: (message.notBefore ?? now).toISOString(),
      created_at: now.toISOString(),
      claimed_by: null,
      claimed_until: null,
      sent_at: null,
      error: null,
    })
    .execute();
  return id;
}

export interface QueuedMail {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string> | undefined;
  attempts: number;
}

/** Claims up to `limit` due messages (and ones whose sender's lease ran out). */
export async function claimMail(
  db: Kysely<Database>,
  worker: string,
  limit: number,
  leaseMs: number,
  now = new Date(),
): Promise<QueuedMail[]> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const due = db
    .selectFrom("mail_queue")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("not_before", "<=", now.toISOString())]),
        eb.and([eb("status", "=", "claimed"), eb("claimed_until", "<", now.toISOString())]),
      ]),
    )
    .orderBy("not_before")
    .limit(limit);
  const rows = await db
    .updateTable("mail_queue")
    .set((eb) => ({
      status: "claimed",
      claimed_by: worker,
      claimed_until: until,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "in", isSqlite(db as Kysely<unknown>) ? due : due.forUpdate().skipLocked())
    .returning(["id", "kind", "recipient", "subject", "text", "html", "headers", "attempts"])
    .execute();
  return rows.map((row) => ({
    ...row,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined,
  }));
}

/** Records a claimed message as sent (in the moment of `finish`); false if no longer held. */
export function markMailSent(
  db: Kysely<Database>,
  id: string,
  worker: string,
  {
    now = new Date(),
    finish,
    also,
  }: {
    now?: Date;
    finish?: Finish;
    /** More to write in the same transaction (an alert's window). */
    also?: (connection: Kysely<Database>) => Promise<void>;
  } = {},
): Promise<boolean> {
  return commitWithFinish(
    db,
    async (connection) => {
      const result = await connection
        .updateTable("mail_queue")
        .set({ status: "sent", sent_at: now.toISOString(), claimed_until: null, error: null })
        .where("id", "=", id)
        .where("claimed_by", "=", worker)
        .where("status", "=", "claimed")
        .executeTakeFirst();
      const updated = Number(result.numUpdatedRows);
      if (updated === 1) await also?.(connection);
      return updated;
    },
    finish,
  );
}

export const MAX_MAIL_ATTEMPTS = 8;

/** After a failure before anything went: again later (backing off), or given up. */
export async function retryMail(
  db: Kysely<Database>,
  mail: QueuedMail,
  worker: string,
  error: string,
  now = new Date(),
): Promise<void> {
  const giveUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
  const wait = Math.min(60_000 * 2 ** (mail.attempts - 1), 3_600_000);
  await db
    .updateTable("mail_queue")
    .set({
      status: giveUp ? "failed" : "pending",
      claimed_by: null,
      claimed_until: null,
      not_before: new Date(now.getTime() + wait).toISOString(),
      error: error.slice(0, 500),
    })
    .where("id", "=", mail.id)
    .where("claimed_by", "=", worker)
    .where("status", "=", "claimed")
    .execute();
}

/** Recorded as sent, but the mail server refused the end of it: kept as failed, with why. */
async function failMail(db: Kysely<Database>, id: string, error: string): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({ status: "failed", error: error.slice(0, 500) })
    .where("id", "=", id)
    .execute();
}

/**
 * Writes a message of a kind whose text is made when it goes (a moderator's alert collects
 * everything since the last one). Null: nothing to say; the row is recorded as sent.
 */
export type Composer = (
  mail: QueuedMail,
  db: Kysely<Database>,
) => Promise<{
  message: MailMessage | null;
  also?: (connection: Kysely<Database>) => Promise<void>;
}>;

const WORKER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const BATCH = 20;
const LEASE_MS = 30_000;

/** Sends everything due, with `composers` for the kinds written when they go. */
export async function drainMailQueue(
  db: Kysely<Database>,
  composers: Record<string, Composer> = {},
  worker = WORKER,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await claimMail(db, worker, BATCH, LEASE_MS);
    if (batch.length === 0) return sent;
    for (const mail of batch) {
      const composed = composers[mail.kind]
        ? await composers[mail.kind]!(mail, db)
        : {
            message: {
              to: mail.recipient,
              subject: mail.subject,
              text: mail.text,
              html: mail.html ?? "",
              headers: mail.headers,
              messageId: `<${mail.id}@queue.invalid>`,
            },
          };
      if (!composed.message) {
        await markMailSent(db, mail.id, worker, { also: composed.also });
        continue;
      }
      const result = await sendOnce(
        composed.message,
        (finish) => markMailSent(db, mail.id, worker, { finish, also: composed.also }),
        "[mail queue]",
      );
      if (result.outcome === "sent") sent++;
      else if (result.outcome === "failed") await failMail(db, mail.id, result.reason);
      else await retryMail(db, mail, worker, result.reason);
    }
  }
}
