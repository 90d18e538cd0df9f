import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { siteAdapter } from "@/lib/auth/adapter";
import { deleteUser } from "@/lib/auth/mutations";
import { formatComment } from "@/lib/comments/format";
import { banReader, decide } from "@/lib/comments/moderation";
import {
  deleteComment,
  editComment,
  insertComment,
  reportComment,
  setMailSetting,
} from "@/lib/comments/mutations";
import {
  articlesWithCommentsBy,
  commentCounts,
  commentsForArticle,
  findComment,
  hasPublishedComment,
  moderationQueue,
  readerStanding,
} from "@/lib/comments/queries";
import { ENGINES, type TestDatabase } from "../support/databases";

/** A comment's text with its HTML, as the form's field makes them. */
const bodyOf = (text: string) => ({ text, html: formatComment(text).html });

const ARTICLE = "the-end-of-the-blank-check";
const OTHER = "europes-defence-industrial-strategy";
const MOD = "moderator@example.com";

for (const { engine, enabled, fresh } of ENGINES) {
  describe.skipIf(!enabled)(`comments on ${engine}`, () => {
    let database: TestDatabase;
    let ada: string;
    let bob: string;

    beforeEach(async () => {
      database = await fresh();
      const adapter = siteAdapter(database.db);
      ada = (
        await adapter.createUser!({
          id: "x",
          email: "ada@example.com",
          emailVerified: null,
          name: "Ada",
        })
      ).id;
      bob = (
        await adapter.createUser!({
          id: "y",
          email: "bob@example.com",
          emailVerified: null,
          name: "Bob",
        })
      ).id;
    });
    afterEach(async () => {
      await database.drop();
    });

    const post = (
      authorId: string,
      body: string,
      extra: Partial<Parameters<typeof insertComment>[1]> = {},
    ) =>
      insertComment(database.db, {
        articleSlug: ARTICLE,
        parentId: null,
        authorId,
        body: bodyOf(body),
        status: "published",
        requestKey: randomUUID(),
        ...extra,
      });

    it("stores a form's comment once, however often the form is sent", async () => {
      const requestKey = randomUUID();
      const first = await post(ada, "Once", { requestKey });
      const again = await post(ada, "Once", { requestKey });
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      expect(await commentsForArticle(database.db, ARTICLE, null)).toHaveLength(1);
      // Another reader's key never collides with Ada's.
      expect((await post(bob, "Also", { requestKey })).created).toBe(true);
    });

    it("shows held comments to their author and moderators only, and withholds hidden text", async () => {
      const held = await post(ada, "Held", { status: "held" });
      const hidden = await post(bob, "Hidden");
      await decide(database.db, {
        ids: [hidden.id],
        decision: "hide",
        reason: "spam",
        moderator: MOD,
      });
      const anonymous = await commentsForArticle(database.db, ARTICLE, null);
      expect(anonymous.map((comment) => [comment.status, comment.body])).toEqual([["hidden", ""]]);
      const author = await commentsForArticle(database.db, ARTICLE, {
        id: ada,
        isModerator: false,
      });
      expect(author.find((comment) => comment.id === held.id)?.body).toBe("Held");
      expect(author.find((comment) => comment.id === hidden.id)?.body).toBe("");
      // Its own author still reads a hidden comment (the page marks it removed).
      const hiddenAuthor = await commentsForArticle(database.db, ARTICLE, {
        id: bob,
        isModerator: false,
      });
      expect(hiddenAuthor.find((comment) => comment.id === hidden.id)?.body).toBe("Hidden");
      const moderator = await commentsForArticle(database.db, ARTICLE, {
        id: "m",
        isModerator: true,
      });
      expect(moderator.map((comment) => comment.body).sort()).toEqual(["Held", "Hidden"]);
      expect(await hasPublishedComment(database.db, ada)).toBe(false);
      await decide(database.db, { ids: [held.id], decision: "approve", moderator: MOD });
      expect(await hasPublishedComment(database.db, ada)).toBe(true);
    });

    it("lets only the author edit, and deletes by emptying the text but keeping the place", async () => {
      const { id } = await post(ada, "Original");
      expect(await editComment(database.db, id, bob, bodyOf("Hijacked"))).toBe(false);
      expect(await editComment(database.db, id, ada, bodyOf("Revised"))).toBe(true);
      const [revised] = await commentsForArticle(database.db, ARTICLE, null);
      expect(revised).toMatchObject({ body: "Revised", status: "published" });
      expect(revised?.editedAt).not.toBeNull();
      expect(await deleteComment(database.db, id, bob)).toBe(false);
      expect(await deleteComment(database.db, id, ada)).toBe(true);
      expect(await editComment(database.db, id, ada, bodyOf("Back"))).toBe(false);
      expect(await findComment(database.db, id)).toMatchObject({ status: "deleted" });
      const [deleted] = await commentsForArticle(database.db, ARTICLE, null);
      expect(deleted?.body).toBe("");
    });

    it("counts published comments per article", async () => {
      await post(ada, "One");
      await post(bob, "Two");
      await post(bob, "Held", { status: "held" });
      await insertComment(database.db, {
        articleSlug: OTHER,
        parentId: null,
        authorId: ada,
        body: bodyOf("Elsewhere"),
        status: "published",
        requestKey: randomUUID(),
      });
      expect(Object.fromEntries(await commentCounts(database.db))).toEqual({
        [ARTICLE]: 2,
        [OTHER]: 1,
      });
      expect((await articlesWithCommentsBy(database.db, ada)).sort()).toEqual(
        [OTHER, ARTICLE].sort(),
      );
    });

    it("takes one report per reader, and lists reported comments with reasons in the queue", async () => {
      const { id } = await post(ada, "Provocative");
      expect(
        await reportComment(database.db, { commentId: id, reporterId: bob, reason: "spam" }),
      ).toBe(true);
      expect(
        await reportComment(database.db, { commentId: id, reporterId: bob, reason: "abuse" }),
      ).toBe(false);
      const [item] = await moderationQueue(database.db, "reported");
      expect(item).toMatchObject({ id, reports: 1, reasons: ["spam"], authorName: "Ada" });
      const reader = await commentsForArticle(database.db, ARTICLE, {
        id: bob,
        isModerator: false,
      });
      expect(reader[0]).toMatchObject({ reportedByViewer: true, reports: 0 });
      expect(await moderationQueue(database.db, "held")).toEqual([]);
    });

    it("bans a reader: their comments hidden and sessions ended at once", async () => {
      const adapter = siteAdapter(database.db);
      await adapter.createSession!({
        sessionToken: "s",
        userId: bob,
        expires: new Date(Date.now() + 60_000),
      });
      await post(bob, "Troll one");
      await post(bob, "Troll two");
      await post(ada, "Fine");
      expect(
        await banReader(database.db, {
          userId: bob,
          term: "permanent",
          reason: "Trolling",
          hideComments: true,
          moderator: MOD,
        }),
      ).toEqual([ARTICLE]);
      expect(await adapter.getSessionAndUser!("s")).toBeNull();
      expect((await readerStanding(database.db, bob))?.bannedAt).not.toBeNull();
      const visible = await commentsForArticle(database.db, ARTICLE, null);
      expect(
        visible.filter((comment) => comment.status === "published").map((c) => c.body),
      ).toEqual(["Fine"]);
      expect(
        (await moderationQueue(database.db, "hidden")).every((item) => item.authorBanned),
      ).toBe(true);
    });

    it("keeps a deleted account's comments in place, signed by nobody", async () => {
      const { id } = await post(ada, "Still here");
      await deleteUser(database.db, ada);
      const [comment] = await commentsForArticle(database.db, ARTICLE, null);
      expect(comment).toMatchObject({ id, authorId: null, authorName: null, body: "Still here" });
    });

    it("deletes a deleted account's comments too when asked, keeping their places", async () => {
      const { id } = await post(ada, "Take this back");
      await deleteUser(database.db, ada, { comments: "delete" });
      const [comment] = await commentsForArticle(database.db, ARTICLE, null);
      expect(comment).toMatchObject({ id, authorId: null, body: "", status: "deleted" });
      const stored = await database.db
        .selectFrom("comments")
        .select(["body", "body_html"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ body: "", body_html: "" });
    });

    it("makes a comment an editors' pick and back, and labels moderators' comments", async () => {
      const picked = await post(ada, "Worth reading");
      expect(
        await decide(database.db, { ids: [picked.id], decision: "pick", moderator: MOD }),
      ).toEqual([ARTICLE]);
      const [ada1] = await commentsForArticle(database.db, ARTICLE, null, ["ADA@example.com"]);
      expect(ada1).toMatchObject({ picked: true, byEditor: true });
      await decide(database.db, { ids: [picked.id], decision: "unpick", moderator: MOD });
      const [ada2] = await commentsForArticle(database.db, ARTICLE, null);
      expect(ada2).toMatchObject({ picked: false, byEditor: false, byAuthor: false });
      // The piece's author, by the address they sign in with.
      const [ada3] = await commentsForArticle(database.db, ARTICLE, null, [], ["Ada@Example.com"]);
      expect(ada3).toMatchObject({ byAuthor: true, byEditor: false });
    });

    it("remembers a reader's choice of reply mail", async () => {
      expect((await readerStanding(database.db, ada))?.notifyReplies).toBe(false);
      await setMailSetting(database.db, ada, "replies", true);
      expect((await readerStanding(database.db, ada))?.notifyReplies).toBe(true);
    });
  });
}
