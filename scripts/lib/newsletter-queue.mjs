/**
 * A send of the flagship queued for thousands of new confirmed subscribers at once, written
 * straight into an SQLite database (better-sqlite3) as the moderators' page would leave it:
 * for the benchmark and the newsletter durability test, which no form could fill in time.
 */
import { randomUUID } from "node:crypto";

/** Queues `sendId` for `count` subscribers; `address(index)` names each one. */
export function queueSqliteSend(db, { sendId, count, address, createdBy }) {
  const now = new Date().toISOString();
  const subscriber = db.prepare(
    "insert into subscribers (id, email, email_hash, status, source, created_at, confirmed_at) values (?, ?, ?, 'confirmed', 'form', ?, ?)",
  );
  const delivery = db.prepare(
    "insert into newsletter_deliveries (send_id, subscriber_id, status) values (?, ?, 'pending')",
  );
  db.transaction(() => {
    db.prepare(
      "insert into newsletter_sends (id, article_slug, subject, created_by, created_at) values (?, ?, ?, ?, ?)",
    ).run(sendId, "the-end-of-the-blank-check", "The End of the Blank Check", createdBy, now);
    for (let index = 0; index < count; index++) {
      const id = randomUUID();
      subscriber.run(id, address(index), id, now, now);
      delivery.run(sendId, id);
    }
  })();
}
