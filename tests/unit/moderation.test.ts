import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { siteAdapter } from "@/lib/auth/adapter";
import { ALERT_KIND, composeModeratorAlert, queueModeratorAlerts } from "@/lib/comments/alerts";
import { isBanned } from "@/lib/comments/ban";
import { formatComment } from "@/lib/comments/format";
import {
  bannedReaders,
  banReader,
  decide,
  liftBan,
  moderationHistory,
} from "@/lib/comments/moderation";
import { editComment, insertComment, setMailSetting } from "@/lib/comments/mutations";
import { createNotice, decideNotice, openNotices } from "@/lib/comments/notices";
import { queueDigests, setFollowing } from "@/lib/comments/discussion-follows";
import { commentsForArticle, readerStanding } from "@/lib/comments/queries";
import { claimMail, enqueueMail, markMailSent } from "@/lib/mail/queue";
import { ENGINES, type TestDatabase } from "../support/databases";

const ARTICLE = "the-end-of-the-blank-check";
const MOD = "moderator@example.com";
const minute = 60_000;
const at = (offset: number) => new Date(Date.parse("2026-12-02T10:00:00Z") + offset);

for (const { engine, enabled, fresh } of ENGINES) {
  describe.skipIf(!enabled)(`moderation on ${engine}`, () => {
    let database: TestDatabase;
    let ada: string;
    let bob: string;

    beforeEach(async () => {
      database = await fresh();
      const adapter = siteAdapter(database.db);
      const user = async (email: string, name: string) =>
        (await adapter.createUser!({ id: "x", email, emailVerified: null, name })).id;
      ada = await user("ada@example.com", "Ada");
      bob = await user("bob@example.com", "Bob");
    });
    afterEach(async () => {
      await database.drop();
    });

    const post = async (
      authorId: string,
      text: string,
      status: "published" | "held" = "published",
    ) =>
      (
        await insertComment(database.db, {
          articleSlug: ARTICLE,
          parentId: null,
          authorId,
          body: { text, html: formatComment(text).html },
          status,
          requestKey: randomUUID(),
        })
      ).id;

    const queued = () =>
      database.db.selectFrom("mail_queue").selectAll().orderBy("created_at").execute();

    it("removes with a reason: logged, shown to the author, and explained to them once by mail", async () => {
      const id = await post(ada, "Buy cheap watches");
      const other = await post(bob, "A fine point");
      expect(
        await decide(database.db, {
          ids: [id],
          decision: "hide",
          reason: "spam",
          moderator: MOD,
          now: at(0),
        }),
      ).toEqual([ARTICLE]);
      const author = await commentsForArticle(database.db, ARTICLE, {
        id: ada,
        isModerator: false,
      });
      expect(author.find((comment) => comment.id === id)).toMatchObject({
        status: "hidden",
        removal: "Spam",
      });
      const anonymous = await commentsForArticle(database.db, ARTICLE, null);
      expect(anonymous.find((comment) => comment.id === id)).toMatchObject({
        body: "",
        removal: null,
      });
      const mails = await queued();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: "decision", recipient: "ada@example.com" });
      expect(mails[0]?.text).toContain("The reason: Spam.");
      expect(mails[0]?.text).toContain("Buy cheap watches");
      // Hiding it again is not a new decision to tell; the other comment was not touched.
      await decide(database.db, { ids: [id], decision: "hide", reason: "abuse", moderator: MOD });
      expect(await queued()).toHaveLength(1);
      expect((await moderationHistory(database.db, [id, other])).get(id)).toEqual([
        expect.objectContaining({ moderator: MOD, action: "hide", reason: "spam" }),
        expect.objectContaining({ action: "hide", reason: "abuse" }),
      ]);
      // Restored, it shows again, its reason gone.
      await decide(database.db, { ids: [id], decision: "restore", moderator: MOD });
      const [restored] = await commentsForArticle(database.db, ARTICLE, null);
      expect(restored).toMatchObject({ status: "published", body: "Buy cheap watches" });
    });

    it("does not mail a reader who turned decision mail off", async () => {
      const id = await post(ada, "Off topic");
      await setMailSetting(database.db, ada, "decisions", false);
      await decide(database.db, {
        ids: [id],
        decision: "hide",
        reason: "other",
        note: "Not about this piece",
        moderator: MOD,
      });
      expect(await queued()).toEqual([]);
      const [mine] = await commentsForArticle(database.db, ARTICLE, {
        id: ada,
        isModerator: false,
      });
      expect(mine?.removal).toBe("Other (Not about this piece)");
    });

    it("ends a timed ban at its time, lists it meanwhile, and a lifted ban shows the comments again", async () => {
      const id = await post(bob, "Troll");
      await banReader(database.db, {
        userId: bob,
        term: "day",
        reason: "Repeated abuse",
        hideComments: true,
        moderator: MOD,
        now: at(0),
      });
      const standing = (await readerStanding(database.db, bob))!;
      expect(isBanned(standing, at(23 * 60 * minute))).toBe(true);
      expect(isBanned(standing, at(24 * 60 * minute + 1))).toBe(false);
      expect((await bannedReaders(database.db, at(minute))).map((reader) => reader.name)).toEqual([
        "Bob",
      ]);
      expect(await bannedReaders(database.db, at(25 * 60 * minute))).toEqual([]);
      expect((await bannedReaders(database.db, at(minute)))[0]?.reason).toBe("Repeated abuse");

      expect(await liftBan(database.db, { userId: bob, moderator: MOD })).toEqual([ARTICLE]);
      expect(isBanned((await readerStanding(database.db, bob))!)).toBe(false);
      expect((await commentsForArticle(database.db, ARTICLE, null))[0]).toMatchObject({
        id,
        status: "published",
        body: "Troll",
      });
      const log = await database.db
        .selectFrom("moderation_log")
        .select(["action", "subject_id", "note"])
        .orderBy("created_at")
        .execute();
      expect(log).toEqual([
        { action: "ban", subject_id: bob, note: "Repeated abuse" },
        { action: "lift-ban", subject_id: bob, note: null },
      ]);
    });

    it("keeps the text before an edit, and an edit sent back to the queue waits for approval", async () => {
      const id = await post(ada, "Approved words");
      expect(
        await editComment(
          database.db,
          id,
          ada,
          { text: "Spam now", html: formatComment("Spam now").html },
          { backToQueue: true },
        ),
      ).toBe(true);
      const row = await database.db
        .selectFrom("comments")
        .select(["status", "body", "previous_body"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: "held", body: "Spam now", previous_body: "Approved words" });
      expect(await commentsForArticle(database.db, ARTICLE, null)).toEqual([]);
    });

    it("alerts each moderator once per window, collecting everything since the last alert", async () => {
      const moderators = [MOD, "second@example.com"];
      await queueModeratorAlerts(database.db, moderators, at(0));
      await queueModeratorAlerts(database.db, moderators, at(1000));
      let mails = await queued();
      expect(mails.map((mail) => [mail.recipient, mail.not_before])).toEqual([
        [MOD, at(0).toISOString()],
        ["second@example.com", at(0).toISOString()],
      ]);
      // A moderator who turned alerts off gets none.
      await siteAdapter(database.db).createUser!({
        id: "x",
        email: "quiet@example.com",
        emailVerified: null,
        name: "Quiet",
      });
      await database.db
        .updateTable("User")
        .set({ alertModeration: 0 })
        .where("email", "=", "quiet@example.com")
        .execute();
      await queueModeratorAlerts(database.db, ["quiet@example.com"], at(0));
      expect(await queued()).toHaveLength(2);

      // The alert goes (composed from what is there: one held comment), and its window starts.
      await post(ada, "Held one", "held");
      const [claimed] = (await claimMail(database.db, "w", 10, minute)).filter(
        (mail) => mail.recipient === MOD,
      );
      expect(claimed?.kind).toBe(ALERT_KIND);
      const composed = await composeModeratorAlert(claimed!, database.db);
      expect(composed.message?.text).toContain("Awaiting approval");
      expect(composed.message?.text).toContain("/admin/comments?filter=held#queue-");
      expect(await markMailSent(database.db, claimed!.id, "w", { also: composed.also })).toBe(true);

      // The next event waits for the end of the window.
      const sentAt = (await database.db
        .selectFrom("moderator_alerts")
        .select("last_sent_at")
        .where("moderator", "=", MOD)
        .executeTakeFirstOrThrow())!.last_sent_at!;
      await queueModeratorAlerts(database.db, [MOD], new Date(Date.parse(sentAt) + minute));
      mails = (await queued()).filter(
        (mail) => mail.recipient === MOD && mail.status === "pending",
      );
      expect(mails.map((mail) => mail.not_before)).toEqual([
        new Date(Date.parse(sentAt) + 15 * minute).toISOString(),
      ]);

      // An alert given up after its attempts does not keep the moderator from the next one.
      await database.db
        .updateTable("mail_queue")
        .set({ status: "failed" })
        .where("recipient", "=", MOD)
        .where("status", "=", "pending")
        .execute();
      await queueModeratorAlerts(database.db, [MOD], new Date(Date.parse(sentAt) + 20 * minute));
      expect(
        (await queued()).filter((mail) => mail.recipient === MOD && mail.status === "pending"),
      ).toHaveLength(1);
    });

    it("hands a queued message to one sender, and takes it back from a dead one after its lease", async () => {
      await enqueueMail(
        database.db,
        { kind: "decision", to: "ada@example.com", subject: "S", text: "T" },
        at(0),
      );
      const first = await claimMail(database.db, "one", 10, minute, at(0));
      expect(first).toHaveLength(1);
      expect(await claimMail(database.db, "two", 10, minute, at(1000))).toEqual([]);
      const taken = await claimMail(database.db, "two", 10, minute, at(2 * minute));
      expect(taken.map((mail) => mail.id)).toEqual([first[0]?.id]);
      // The dead sender's record fails: it no longer holds the message.
      expect(await markMailSent(database.db, first[0]!.id, "one")).toBe(false);
      expect(await markMailSent(database.db, first[0]!.id, "two")).toBe(true);
      expect(await claimMail(database.db, "three", 10, minute, at(10 * minute))).toEqual([]);
    });

    it("takes a notice with its receipt and alert, and decides it once, telling sender and author", async () => {
      const id = await post(ada, "Libel");
      const noticeId = await createNotice(
        database.db,
        {
          commentId: id,
          articleSlug: ARTICLE,
          law: "Defamation Act 2013",
          explanation: "False",
          senderName: "Nora",
          senderEmail: "nora@example.com",
          senderId: null,
        },
        [MOD],
        at(0),
      );
      expect((await openNotices(database.db)).map((notice) => notice.id)).toEqual([noticeId]);
      expect((await queued()).map((mail) => [mail.kind, mail.recipient])).toEqual([
        ["notice-receipt", "nora@example.com"],
        [ALERT_KIND, MOD],
      ]);
      expect(
        await decideNotice(
          database.db,
          { noticeId, outcome: "removed", note: "A false statement", moderator: MOD },
          at(minute),
        ),
      ).toEqual([ARTICLE]);
      expect(
        await decideNotice(database.db, {
          noticeId,
          outcome: "kept",
          note: "Again",
          moderator: MOD,
        }),
      ).toBeNull();
      expect(await openNotices(database.db)).toEqual([]);
      const mails = (await queued()).map((mail) => [mail.kind, mail.recipient]);
      expect(mails).toContainEqual(["notice-decision", "nora@example.com"]);
      expect(mails).toContainEqual(["decision", "ada@example.com"]);
      const [mine] = await commentsForArticle(database.db, ARTICLE, {
        id: ada,
        isModerator: false,
      });
      expect(mine?.removal).toBe("Illegal content (A false statement)");
    });

    it("sends a followed discussion's new comments by others at most daily, each digest once", async () => {
      await setFollowing(database.db, ada, ARTICLE, true, new Date(Date.now() - 60 * minute));
      await post(ada, "My own words");
      expect(await queueDigests(database.db)).toBe(0);
      await post(bob, "A reply worth reading");
      // Two instances at the same moment: one digest.
      const sentAt = new Date();
      const [one, two] = await Promise.all([
        queueDigests(database.db, sentAt),
        queueDigests(database.db, sentAt),
      ]);
      const start = sentAt.getTime();
      expect(one + two).toBe(1);
      let digests = (await queued()).filter((mail) => mail.kind === "discussion-digest");
      expect(digests).toHaveLength(1);
      expect(digests[0]?.recipient).toBe("ada@example.com");
      expect(digests[0]?.text).toContain("Bob: “A reply worth reading”");
      expect(digests[0]?.text).not.toContain("My own words");
      expect(JSON.parse(digests[0]!.headers!)).toMatchObject({
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      });
      // Another comment the same day waits for the next day's digest.
      await post(bob, "And another");
      expect(await queueDigests(database.db, new Date(start + 60 * minute))).toBe(0);
      expect(await queueDigests(database.db, new Date(start + 25 * 60 * minute))).toBe(1);
      digests = (await queued()).filter((mail) => mail.kind === "discussion-digest");
      expect(digests[1]?.text).toContain("And another");
      expect(digests[1]?.text).not.toContain("A reply worth reading");
      // Unfollowed, nothing more.
      await setFollowing(database.db, ada, ARTICLE, false);
      await post(bob, "Third");
      expect(await queueDigests(database.db, new Date(start + 50 * 60 * minute))).toBe(0);
    });

    it("writes a subject on one line, whatever it was given", async () => {
      await enqueueMail(database.db, {
        kind: "decision",
        to: "ada@example.com\r\nBcc: victim@example.com",
        subject: "Hi\r\nBcc: victim@example.com",
        text: "T",
      });
      const [mail] = await queued();
      expect(mail?.subject).not.toMatch(/[\r\n]/);
      expect(mail?.recipient).not.toMatch(/[\r\n]/);
    });
  });
}
