import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import {
  claimDeliveries,
  createSend,
  failDelivery,
  finishSends,
  markSent,
  releaseDelivery,
  sendProgress,
  audienceSize,
} from "@/lib/newsletter/sends";
import {
  confirmLinkState,
  confirmSubscription,
  exportSubscribers,
  releaseConfirmation,
  purgeUnconfirmed,
  requestSubscription,
  subscribeVerified,
  subscriberCounts,
  unsubscribe,
} from "@/lib/newsletter/subscribers";
import {
  claimSignups,
  completeSignup,
  enqueueSignup,
  hasDueSignups,
  retrySignup,
} from "@/lib/newsletter/signups";
import { addressHash } from "@/lib/newsletter/tokens";
import { followsOf, setFollows, type Follows } from "@/lib/newsletter/follows";
import { ENGINES, type TestDatabase } from "../support/databases";

const minute = 60_000;
const SEND_A = {
  articleSlug: "a",
  subject: "A",
  createdBy: "m@example.com",
  topics: ["europe"],
  authors: ["the-desk"],
};
const at = (offset: number) => new Date(Date.parse("2026-11-29T10:00:00Z") + offset);

async function confirmed(db: Kysely<Database>, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const outcome = await requestSubscription(db, `reader${index}@example.com`, at(0));
    if (!outcome.send) throw new Error("expected a confirmation");
    expect(await confirmSubscription(db, outcome.subscriberId, outcome.token, at(minute))).toBe(
      "valid",
    );
    ids.push(outcome.subscriberId);
  }
  return ids;
}

for (const { engine, enabled, fresh } of ENGINES) {
  describe.skipIf(!enabled)(`newsletter on ${engine}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await fresh();
    });
    afterEach(async () => {
      await database.drop();
    });

    it("confirms an address once, with its own token, before the link expires", async () => {
      const { db } = database;
      const outcome = await requestSubscription(db, "ada@example.com", at(0));
      if (!outcome.send) throw new Error("expected a confirmation");
      const { subscriberId: id, token } = outcome;
      expect(await confirmLinkState(db, id, token, at(minute))).toMatchObject({ state: "valid" });
      const stored = await db.selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
      expect(stored.confirm_token_hash).not.toContain(token);
      expect(JSON.stringify(stored)).not.toContain(token);

      expect(await confirmSubscription(db, id, `${token}x`, at(minute))).toBe("invalid");
      expect(await confirmSubscription(db, randomUUID(), token, at(minute))).toBe("invalid");
      expect(await confirmSubscription(db, id, token, at(49 * 60 * minute))).toBe("expired");
      expect(await confirmSubscription(db, id, token, at(minute))).toBe("valid");
      expect(await confirmSubscription(db, id, token, at(2 * minute))).toBe("used");
      expect(await subscriberCounts(db)).toEqual({ confirmed: 1, pending: 0, unsubscribed: 0 });
    });

    it("sends at most one confirmation per window, and nothing to a confirmed address", async () => {
      const { db } = database;
      const first = await requestSubscription(db, "bob@example.com", at(0));
      if (!first.send) throw new Error("expected a confirmation");
      // Its mail could not go (a mail server that was down): the next signup is mailed at once.
      await releaseConfirmation(db, first);
      expect((await requestSubscription(db, "bob@example.com", at(minute / 2))).send).toBe(true);
      expect(await requestSubscription(db, "bob@example.com", at(minute))).toEqual({
        send: false,
        reason: "recently-sent",
      });
      const again = await requestSubscription(db, "bob@example.com", at(16 * minute));
      expect(again.send).toBe(true);
      if (!again.send) return;
      await confirmSubscription(db, again.subscriberId, again.token, at(17 * minute));
      expect(await requestSubscription(db, "bob@example.com", at(40 * minute))).toEqual({
        send: false,
        reason: "confirmed",
      });
    });

    it("forgets the address on unsubscribing, keeps its hash, and lets it subscribe again", async () => {
      const { db } = database;
      const [id] = await confirmed(db, 1);
      expect(await unsubscribe(db, id!, at(2 * minute))).toBe(true);
      expect(await unsubscribe(db, id!, at(3 * minute))).toBe(false);
      const row = await db.selectFrom("subscribers").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        email: null,
        status: "unsubscribed",
        email_hash: addressHash("reader0@example.com"),
      });
      const back = await requestSubscription(db, "reader0@example.com", at(10 * minute));
      expect(back).toMatchObject({ send: true, subscriberId: id });
      expect(await subscriberCounts(db)).toEqual({ confirmed: 0, pending: 1, unsubscribed: 0 });
    });

    it("mails once when several signups of one address are processed at the same moment", async () => {
      const { db } = database;
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => requestSubscription(db, "flood@example.com", at(0))),
      );
      expect(outcomes.filter((outcome) => outcome.send)).toHaveLength(1);
      await requestSubscription(db, "known@example.com", at(0));
      const again = await Promise.all(
        Array.from({ length: 5 }, () =>
          requestSubscription(db, "known@example.com", at(20 * minute)),
        ),
      );
      expect(again.filter((outcome) => outcome.send)).toHaveLength(1);
    });

    it("queues signups for the sender: claimed once, tried again later when mail fails, dropped after a day", async () => {
      const { db } = database;
      await enqueueSignup(db, "queued@example.com", at(0));
      await enqueueSignup(db, "other@example.com", at(0));
      expect(await hasDueSignups(db, at(0))).toBe(true);
      const claimed = await claimSignups(db, "worker-a", 10, at(0));
      expect(claimed.map((signup) => signup.email).sort()).toEqual([
        "other@example.com",
        "queued@example.com",
      ]);
      // Leased: another sender finds nothing until the lease runs out.
      expect(await claimSignups(db, "worker-b", 10, at(1_000))).toEqual([]);
      const [queued, other] = claimed.sort((a, b) => a.email.localeCompare(b.email)).reverse();
      await completeSignup(db, other!, "worker-a");
      expect(await retrySignup(db, queued!, "worker-a", "connect ECONNREFUSED", at(1_000))).toBe(
        "retry",
      );
      expect(await claimSignups(db, "worker-b", 10, at(20_000))).toEqual([]);
      const again = await claimSignups(db, "worker-b", 10, at(32_000));
      expect(again).toMatchObject([{ email: "queued@example.com", attempts: 2 }]);
      // The second failure waits twice as long; a day after the signup it is dropped.
      await retrySignup(db, again[0]!, "worker-b", "refused", at(33_000));
      expect(await claimSignups(db, "worker-c", 10, at(33_000 + 59_000))).toEqual([]);
      const late = await claimSignups(db, "worker-c", 10, at(33_000 + 61_000));
      expect(await retrySignup(db, late[0]!, "worker-c", "refused", at(25 * 60 * minute))).toBe(
        "dropped",
      );
      expect(await db.selectFrom("newsletter_signups").selectAll().execute()).toEqual([]);
    });

    it("subscribes a verified address at once, and purges addresses never confirmed", async () => {
      const { db } = database;
      await subscribeVerified(db, "verified@example.com", at(0));
      await requestSubscription(db, "never@example.com", at(0));
      expect(await purgeUnconfirmed(db, at(6 * 24 * 60 * minute))).toBe(0);
      expect(await purgeUnconfirmed(db, at(8 * 24 * 60 * minute))).toBe(1);
      expect(await subscriberCounts(db)).toEqual({ confirmed: 1, pending: 0, unsubscribed: 0 });
      const [row] = await exportSubscribers(db);
      expect(row).toMatchObject({
        email: "verified@example.com",
        status: "confirmed",
        source: "account",
      });
    });

    it("queues a send once, for confirmed subscribers only", async () => {
      const { db } = database;
      await confirmed(db, 3);
      await requestSubscription(db, "pending@example.com", at(0));
      const send = await createSend(db, SEND_A);
      expect(send?.recipients).toBe(3);
      expect(await createSend(db, SEND_A)).toBeNull();
    });

    it("sends a piece to those who follow everything, or any of its topics or authors, once each", async () => {
      const { db } = database;
      const [everything] = await confirmed(db, 1);
      const chose = async (address: string, follows: Follows) => {
        const outcome = await requestSubscription(db, address, at(0), follows);
        if (!outcome.send) throw new Error("expected a confirmation");
        await confirmSubscription(db, outcome.subscriberId, outcome.token, at(minute));
        return outcome.subscriberId;
      };
      const europe = await chose("europe@example.com", { topics: ["europe"], authors: [] });
      const desk = await chose("desk@example.com", { topics: [], authors: ["the-desk"] });
      const both = await chose("both@example.com", {
        topics: ["europe", "israel"],
        authors: ["the-desk"],
      });
      await chose("israel@example.com", { topics: ["israel"], authors: [] });
      expect(await followsOf(db, europe)).toEqual({ topics: ["europe"], authors: [] });
      expect(await followsOf(db, everything!)).toBeNull();

      expect(await audienceSize(db, SEND_A)).toBe(4);
      const send = await createSend(db, SEND_A);
      expect(send?.recipients).toBe(4);
      const recipients = await db
        .selectFrom("newsletter_deliveries")
        .select("subscriber_id")
        .where("send_id", "=", send!.id)
        .execute();
      expect(recipients.map((row) => row.subscriber_id).sort()).toEqual(
        [everything, europe, desk, both].sort(),
      );
      // A piece on nothing anyone chose reaches only those who follow everything.
      const other = await createSend(db, {
        ...SEND_A,
        articleSlug: "b",
        topics: ["asia"],
        authors: [],
      });
      expect(other?.recipients).toBe(1);
    });

    it("keeps a signup's choice through the queue, and lets a subscriber change it", async () => {
      const { db } = database;
      await enqueueSignup(db, "queued@example.com", at(0), { topics: ["europe"], authors: [] });
      const [signup] = await claimSignups(db, "worker", 5, at(0));
      expect(signup?.follows).toEqual({ topics: ["europe"], authors: [] });
      const outcome = await requestSubscription(db, signup!.email, at(0), signup!.follows);
      if (!outcome.send) throw new Error("expected a confirmation");
      expect(await followsOf(db, outcome.subscriberId)).toEqual({
        topics: ["europe"],
        authors: [],
      });
      await setFollows(db, outcome.subscriberId, null);
      expect(await followsOf(db, outcome.subscriberId)).toBeNull();
      await subscribeVerified(db, "queued@example.com", at(minute), {
        topics: [],
        authors: ["the-desk"],
      });
      expect(await followsOf(db, outcome.subscriberId)).toEqual({
        topics: [],
        authors: ["the-desk"],
      });
    });

    it("never hands the same delivery to two senders, and takes it back from a dead one", async () => {
      const { db } = database;
      await confirmed(db, 10);
      await createSend(db, SEND_A);
      const lease = 15_000;
      const [first, second] = await Promise.all([
        claimDeliveries(db, "one", 6, lease, at(0)),
        claimDeliveries(db, "two", 6, lease, at(10_000)),
      ]);
      const keys = [...first!, ...second!].map((delivery) => delivery.subscriberId);
      expect(keys).toHaveLength(10);
      expect(new Set(keys).size).toBe(10);

      // "one" dies; once its lease is over, "three" takes its deliveries, and "one" can no
      // longer record them as sent.
      const taken = await claimDeliveries(db, "three", 10, lease, at(lease + 1));
      expect(taken.map((delivery) => delivery.subscriberId).sort()).toEqual(
        first!.map((delivery) => delivery.subscriberId).sort(),
      );
      // The message is finished (its final ".") only by the sender that still holds it.
      const finished: string[] = [];
      const finish = (who: string) => () => {
        finished.push(who);
      };
      expect(await markSent(db, first![0]!, "one", { finish: finish("one") })).toBe(false);
      expect(await markSent(db, taken[0]!, "three", { finish: finish("three") })).toBe(true);
      expect(finished).toEqual(["three"]);
      await releaseDelivery(db, taken[1]!, "three", "connection refused");
      await failDelivery(db, taken[2]!, "three", "550 no such user");
      const [progress] = await sendProgress(db);
      expect(progress).toMatchObject({ total: 10, sent: 1, failed: 1, finishedAt: null });
    });

    it("records a delivery as sent only once its message has been written out", async () => {
      const { db } = database;
      await confirmed(db, 1);
      await createSend(db, SEND_A, at(minute));
      const [delivery] = await claimDeliveries(db, "one", 10, 15_000, at(2 * minute));
      // The mail library still holds the message's end (a server slow to read): no commit yet.
      let written!: () => void;
      const recording = markSent(db, delivery!, "one", {
        finish: () => new Promise<void>((resolve) => (written = resolve)),
      });
      const settled = await Promise.race([
        recording.then(() => "recorded"),
        new Promise((resolve) => setTimeout(resolve, 100, "waiting")),
      ]);
      expect(settled).toBe("waiting");
      written();
      expect(await recording).toBe(true);
      const [progress] = await sendProgress(db);
      expect(progress).toMatchObject({ total: 1, sent: 1 });
    });

    it("skips subscribers who left before their copy went, and finishes the send", async () => {
      const { db } = database;
      const [stays, leaves] = await confirmed(db, 2);
      await createSend(db, SEND_A);
      await unsubscribe(db, leaves!);
      const claimed = await claimDeliveries(db, "one", 10, 15_000);
      expect(claimed.map((delivery) => delivery.subscriberId)).toEqual([stays]);
      expect(claimed[0]?.email).toBe("reader0@example.com");
      await markSent(db, claimed[0]!, "one");
      await finishSends(db);
      const [progress] = await sendProgress(db);
      expect(progress).toMatchObject({ total: 2, sent: 1, skipped: 1 });
      expect(progress?.finishedAt).not.toBeNull();
    });
  });
}
