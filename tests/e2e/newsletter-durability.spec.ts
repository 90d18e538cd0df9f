import { randomUUID } from "node:crypto";
import path from "node:path";
import { queueSqliteSend } from "../../scripts/lib/newsletter-queue.mjs";
import { withDatabase } from "./support/database";
import { SMTP_PORT } from "./support/env";
import { mailsTo, receivedCounts } from "./support/mail";
import { expect, test } from "./support/readers";
import { removeDataDir, startServer } from "./support/server";

test.describe.configure({ mode: "serial" });

/** Messages the test SMTP server received for addresses in this run, by address. */
const receivedBy = (run: string) => receivedCounts(`${run}-`);

test("sending to 2,000 subscribers mails each exactly once, though the sender is killed halfway", async () => {
  test.setTimeout(240_000);
  const run = `nl${Date.now().toString(36)}`;
  const server = await startServer(3117, {
    env: { EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}` },
  });
  const database = path.join(server.dataDir, "site.db");
  try {
    // 2,000 confirmed subscribers and a queued send, as the moderators' page makes them.
    const sendId = randomUUID();
    withDatabase(
      (db) =>
        queueSqliteSend(db, {
          sendId,
          count: 2000,
          address: (index) => `${run}-${index}@example.com`,
          createdBy: "moderator@example.com",
        }),
      database,
    );

    // The sender picks the send up within seconds; kill it (SIGKILL) halfway through.
    await expect
      .poll(async () => [...(await receivedBy(run)).values()].length, {
        timeout: 60_000,
        intervals: [100],
      })
      .toBeGreaterThanOrEqual(1000);
    await server.stop("SIGKILL");
    const atKill = [...(await receivedBy(run)).values()].length;
    expect(atKill).toBeLessThan(2000);

    const restarted = await startServer(3117, {
      dataDir: server.dataDir,
      env: { EMAIL_SERVER: `smtp://127.0.0.1:${SMTP_PORT}` },
    });
    try {
      await expect
        .poll(async () => [...(await receivedBy(run)).values()].length, {
          timeout: 120_000,
          intervals: [500],
        })
        .toBe(2000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const counts = await receivedBy(run);
      expect(counts.size).toBe(2000);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      const statuses = withDatabase(
        (db) =>
          db
            .prepare("select status, count(*) as count from newsletter_deliveries group by status")
            .all(),
        database,
      );
      expect(statuses).toEqual([{ status: "sent", count: 2000 }]);
      const sample = await mailsTo(`${run}-0@example.com`);
      expect(sample[0]?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    } finally {
      await restarted.stop();
    }
  } finally {
    await removeDataDir(server);
  }
});
