"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { kickMailQueue } from "@/lib/mail/worker";
import { z } from "zod";
import { isModeratorEmail } from "@/lib/auth/roles";
import { returnToField } from "@/lib/http/return-to";
import { getConfig } from "@/lib/config";
import { getArticle } from "@/lib/content";
import { CLOSED_MESSAGE, commentsClosed } from "./closing";
import { getDb } from "@/lib/db/client";
import { formAction } from "@/lib/forms/action";
import { consume, waitPhrase } from "@/lib/rate-limit";
import { commentBodyField } from "./body";
import { publicPagesChanged } from "./cache";
import { queueModeratorAlerts } from "./alerts";
import { setFollowing, stopFollowingByKey, verifyDiscussionMailToken } from "./discussion-follows";
import { MAIL_SETTINGS, type MailSetting } from "./mail-settings";
import { isBanned } from "./ban";
import { banReader, decide, liftBan } from "./moderation";
import {
  deleteComment as deleteStoredComment,
  editComment as editStoredComment,
  insertComment,
  reportComment as storeReport,
  setMailSetting,
} from "./mutations";
import { describeNotifyFailure, notifyReply, verifyReplyMailToken } from "./notify";
import { commentByRequestKey, findComment, hasPublishedComment, readerStanding } from "./queries";
import { BAN_TERMS, NOTE_NEEDED, REASON_NEEDED, REMOVAL_REASONS, REPORT_REASONS } from "./reasons";

const id = z.string().uuid({ message: "That comment does not exist." });
/** The page the form was on ("return here"); actions on one comment come back to it. */
const returnTo = returnToField;

/** The page the reader came from, at the comment. */
function atComment(page: string, commentId: string): string {
  return `${page.split("#")[0]}#comment-${commentId}`;
}

const BANNED = "Your account can no longer post comments.";

export const postComment = formAction(
  {
    access: "reader",
    schema: z.object({
      slug: z.string().min(1),
      parentId: z
        .string()
        .optional()
        .transform((value) => value || null)
        .pipe(id.nullable()),
      body: commentBodyField,
      requestKey: z.string().uuid({ message: "Reload the page and try again." }),
      returnTo,
    }),
  },
  async (input, viewer) => {
    const article = await getArticle(input.slug);
    if (!article) return { ok: false, message: "That article does not exist." };
    if (commentsClosed(article)) {
      return { ok: false, message: CLOSED_MESSAGE };
    }
    const db = await getDb();
    const standing = await readerStanding(db, viewer.id);
    if (!standing || isBanned(standing)) return { ok: false, message: BANNED };
    const stored = await commentByRequestKey(db, viewer.id, input.requestKey);
    if (stored) redirect(atComment(input.returnTo, stored.id));
    const parent = input.parentId ? await findComment(db, input.parentId) : null;
    if (
      input.parentId &&
      (!parent || parent.articleSlug !== article.slug || parent.status !== "published")
    ) {
      return { ok: false, message: "That comment can no longer be replied to." };
    }
    const limit = await consume("commentPerReader", viewer.id);
    if (!limit.ok) {
      return {
        ok: false,
        message: `You are commenting faster than we allow. Try again in ${waitPhrase(limit.retryAfterSeconds)}.`,
      };
    }
    const held =
      getConfig().comments.holdFirst &&
      !viewer.isModerator &&
      !(await hasPublishedComment(db, viewer.id));
    // A held comment and the moderators' alert are written together, or neither.
    const { id: commentId, created } = await db.transaction().execute(async (trx) => {
      const stored = await insertComment(trx, {
        articleSlug: article.slug,
        parentId: parent?.id ?? null,
        authorId: viewer.id,
        body: input.body,
        status: held ? "held" : "published",
        requestKey: input.requestKey,
      });
      if (stored.created && held) await queueModeratorAlerts(trx, getConfig().auth.adminEmails);
      return stored;
    });
    if (created && held) after(() => kickMailQueue());
    // The writer's own page is rendered per request: have their browser fetch it again even
    // when no cached page changed (a held comment shows to its author only).
    refresh();
    if (created && !held) {
      publicPagesChanged([article.slug]);
      if (parent) {
        after(() =>
          notifyReply({
            parentAuthorId: parent.authorId,
            replierId: viewer.id,
            replierName: viewer.name,
            slug: article.slug,
            commentId,
            body: input.body.text,
          }).catch((error: unknown) => console.error(describeNotifyFailure(error))),
        );
      }
    }
    redirect(atComment(input.returnTo, commentId));
  },
);

export const editComment = formAction(
  { access: "reader", schema: z.object({ id, body: commentBodyField, returnTo }) },
  async (input, viewer) => {
    const db = await getDb();
    const comment = await findComment(db, input.id);
    if (!comment || comment.authorId !== viewer.id) {
      return { ok: false, message: "You can only edit your own comments." };
    }
    const standing = await readerStanding(db, viewer.id);
    if (!standing || isBanned(standing)) return { ok: false, message: BANNED };
    // A reader whose comments are held for approval has no approved comment but this one:
    // their edit waits for a moderator again, rather than rewriting what was approved.
    const backToQueue =
      getConfig().comments.holdFirst &&
      !viewer.isModerator &&
      !(await hasPublishedComment(db, viewer.id, { besides: comment.id }));
    const edited = await db.transaction().execute(async (trx) => {
      if (!(await editStoredComment(trx, comment.id, viewer.id, input.body, { backToQueue })))
        return false;
      if (backToQueue) await queueModeratorAlerts(trx, getConfig().auth.adminEmails);
      return true;
    });
    if (!edited) return { ok: false, message: "This comment can no longer be edited." };
    if (backToQueue) {
      refresh();
      after(() => kickMailQueue());
      // Off the public page until a moderator approves it again (counts change too).
      if (comment.status === "published") publicPagesChanged([comment.articleSlug]);
      redirect(atComment(input.returnTo, comment.id));
    }
    publicPagesChanged([comment.articleSlug], { counts: false });
    redirect(atComment(input.returnTo, comment.id));
  },
);

export const deleteOwnComment = formAction(
  { access: "reader", schema: z.object({ id, returnTo }) },
  async (input, viewer) => {
    const db = await getDb();
    const comment = await findComment(db, input.id);
    if (!comment || comment.authorId !== viewer.id) {
      return { ok: false, message: "You can only delete your own comments." };
    }
    if (await deleteStoredComment(db, comment.id, viewer.id))
      publicPagesChanged([comment.articleSlug]);
    redirect(atComment(input.returnTo, comment.id));
  },
);

export const reportComment = formAction(
  {
    access: "reader",
    schema: z.object({
      id,
      reason: z.enum(REPORT_REASONS.map((reason) => reason.value) as [string, ...string[]], {
        message: "Choose why you are reporting this comment.",
      }),
    }),
  },
  async (input, viewer) => {
    const db = await getDb();
    const comment = await findComment(db, input.id);
    if (!comment || comment.status === "deleted")
      return { ok: false, message: "That comment does not exist." };
    if (comment.authorId === viewer.id)
      return { ok: false, message: "You cannot report your own comment." };
    // Illegal content is a notice, with what the law needs: the form at /report/<id>.
    if (input.reason === "illegal") redirect(`/report/${comment.id}`);
    const stored = await db.transaction().execute(async (trx) => {
      const first = await storeReport(trx, {
        commentId: comment.id,
        reporterId: viewer.id,
        reason: input.reason,
      });
      if (first) await queueModeratorAlerts(trx, getConfig().auth.adminEmails);
      return first;
    });
    if (stored) after(() => kickMailQueue());
    return {
      ok: true,
      message: stored
        ? "Thank you. The moderators will look at this comment."
        : "You have already reported this comment.",
    };
  },
);

const removalReason = z.enum(
  REMOVAL_REASONS.map((reason) => reason.value) as [
    (typeof REMOVAL_REASONS)[number]["value"],
    ...(typeof REMOVAL_REASONS)[number]["value"][],
  ],
  { message: "Choose why these comments are removed." },
);
/** A moderator's short words (a note to an author, a ban's reason): one line. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();
const note = z
  .string()
  .transform(oneLine)
  .pipe(z.string().max(500, { message: "Keep the note under 500 characters." }))
  .optional()
  .transform((value) => value || undefined);

export const moderateComment = formAction(
  {
    access: "moderator",
    schema: z
      .object({
        ids: z
          .union([id, z.array(id)])
          .transform((value) => (Array.isArray(value) ? value : [value])),
        decision: z.enum(["hide", "restore", "approve", "delete", "pick", "unpick"], {
          message: "Choose what to do.",
        }),
        reason: z
          .string()
          .optional()
          .transform((value) => value || undefined)
          .pipe(removalReason.optional()),
        note,
        returnTo,
      })
      .superRefine((input, context) => {
        if (input.decision !== "hide") return;
        if (!input.reason)
          context.addIssue({
            code: "custom",
            path: ["reason"],
            message: REASON_NEEDED,
          });
        else if (input.reason === "other" && !input.note)
          context.addIssue({
            code: "custom",
            path: ["note"],
            message: NOTE_NEEDED,
          });
      }),
  },
  async (input, viewer) => {
    if (input.ids.length === 0) return { ok: false, message: "Select at least one comment." };
    const slugs = await decide(await getDb(), {
      ids: input.ids,
      decision: input.decision,
      moderator: viewer.email,
      reason: input.decision === "hide" ? input.reason : undefined,
      note: input.decision === "hide" ? input.note : undefined,
    });
    // A pick moves and labels a comment; the counts stay as they are.
    publicPagesChanged(slugs, {
      counts: input.decision !== "pick" && input.decision !== "unpick",
    });
    if (input.decision === "hide") after(() => kickMailQueue());
    redirect(input.returnTo);
  },
);

export const banCommenter = formAction(
  {
    access: "moderator",
    schema: z.object({
      id,
      term: z.enum(
        BAN_TERMS.map((term) => term.value) as [
          (typeof BAN_TERMS)[number]["value"],
          ...(typeof BAN_TERMS)[number]["value"][],
        ],
        { message: "Choose how long the ban lasts." },
      ),
      reason: z
        .string()
        .transform(oneLine)
        .pipe(
          z
            .string()
            .min(1, { message: "Say why this reader is banned." })
            .max(500, { message: "Keep the reason under 500 characters." }),
        ),
      hideComments: z
        .string()
        .optional()
        .transform((value) => value === "on"),
      returnTo,
    }),
  },
  async (input, viewer) => {
    const db = await getDb();
    const comment = await findComment(db, input.id);
    if (!comment?.authorId) return { ok: false, message: "That comment has no author to ban." };
    if (comment.authorId === viewer.id) return { ok: false, message: "You cannot ban yourself." };
    const author = await readerStanding(db, comment.authorId);
    if (!author) return { ok: false, message: "That reader no longer exists." };
    if (isModeratorEmail(author.email)) {
      return {
        ok: false,
        message: "Moderators cannot be banned: remove them from ADMIN_EMAILS first.",
      };
    }
    publicPagesChanged(
      await banReader(db, {
        userId: comment.authorId,
        term: input.term,
        reason: input.reason,
        hideComments: input.hideComments,
        moderator: viewer.email,
      }),
    );
    redirect(input.returnTo);
  },
);

export const liftReaderBan = formAction(
  {
    access: "moderator",
    schema: z.object({ userId: z.string().min(1).max(100), returnTo }),
  },
  async (input, viewer) => {
    const db = await getDb();
    const standing = await readerStanding(db, input.userId);
    if (!standing?.bannedAt) return { ok: false, message: "That reader is not banned." };
    publicPagesChanged(await liftBan(db, { userId: input.userId, moderator: viewer.email }));
    redirect(input.returnTo);
  },
);

export const setMailPreference = formAction(
  {
    access: "reader",
    schema: z.object({
      setting: z.enum(Object.keys(MAIL_SETTINGS) as [MailSetting, ...MailSetting[]], {
        message: "That setting does not exist.",
      }),
      notify: z.enum(["on", "off"]),
    }),
  },
  async (input, viewer) => {
    if (input.setting === "alerts" && !viewer.isModerator) {
      return { ok: false, message: "Only moderators get alerts about the queue." };
    }
    await setMailSetting(await getDb(), viewer.id, input.setting, input.notify === "on");
    refresh();
    return { ok: true, message: MAIL_SETTING_DONE[input.setting][input.notify] };
  },
);

const MAIL_SETTING_DONE: Record<MailSetting, Record<"on" | "off", string>> = {
  replies: {
    on: "We will email you when someone replies to one of your comments.",
    off: "We will not email you about replies.",
  },
  decisions: {
    on: "We will email you when a moderator removes one of your comments.",
    off: "We will not email you about moderators’ decisions.",
  },
  alerts: {
    on: "We will email you about the moderation queue.",
    off: "We will not email you about the moderation queue.",
  },
};

/** The button on the page a reply mail's link opens: the signed link is the permission. */
export const stopReplyMail = formAction(
  { access: "anyone", schema: z.object({ u: z.string().min(1), t: z.string().min(1) }) },
  async (input) => {
    if (!verifyReplyMailToken(input.u, input.t)) {
      return {
        ok: false,
        message: "This link is not valid. Change the setting on your account page.",
      };
    }
    await setMailSetting(await getDb(), input.u, "replies", false);
    return { ok: true, message: "Done: you will not get mail about replies any more." };
  },
);

/** Follows a piece's discussion (a daily digest of new comments by mail), or stops. */
export const followDiscussion = formAction(
  {
    access: "reader",
    schema: z.object({ slug: z.string().min(1).max(200), follow: z.enum(["on", "off"]) }),
  },
  async (input, viewer) => {
    const article = await getArticle(input.slug);
    if (!article) return { ok: false, message: "That article does not exist." };
    await setFollowing(await getDb(), viewer.id, article.slug, input.follow === "on");
    refresh();
    return {
      ok: true,
      message:
        input.follow === "on"
          ? "You follow this discussion: we will email you its new comments, at most once a day."
          : "You no longer follow this discussion.",
    };
  },
);

/** The button on the page a digest's stop link opens: the signed link is the permission. */
export const stopDiscussionMail = formAction(
  {
    access: "anyone",
    schema: z.object({ f: z.string().min(1).max(300), t: z.string().min(1).max(200) }),
  },
  async (input) => {
    if (!verifyDiscussionMailToken(input.f, input.t)) {
      return { ok: false, message: "This link is not valid. Stop following from the article." };
    }
    await stopFollowingByKey(await getDb(), input.f);
    return { ok: true, message: "Done: you no longer follow this discussion." };
  },
);
