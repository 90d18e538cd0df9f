"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
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
import {
  banReader,
  deleteComment as deleteStoredComment,
  editComment as editStoredComment,
  insertComment,
  moderateComments,
  pickComments,
  reportComment as storeReport,
  setReplyMail,
} from "./mutations";
import { describeNotifyFailure, notifyReply, verifyReplyMailToken } from "./notify";
import { commentByRequestKey, findComment, hasPublishedComment, readerStanding } from "./queries";
import { REPORT_REASONS } from "./reasons";

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
    if (!standing || standing.bannedAt) return { ok: false, message: BANNED };
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
    const { id: commentId, created } = await insertComment(db, {
      articleSlug: article.slug,
      parentId: parent?.id ?? null,
      authorId: viewer.id,
      body: input.body,
      status: held ? "held" : "published",
      requestKey: input.requestKey,
    });
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
    if (!standing || standing.bannedAt) return { ok: false, message: BANNED };
    if (!(await editStoredComment(db, comment.id, viewer.id, input.body))) {
      return { ok: false, message: "This comment can no longer be edited." };
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
    const stored = await storeReport(db, {
      commentId: comment.id,
      reporterId: viewer.id,
      reason: input.reason,
    });
    return {
      ok: true,
      message: stored
        ? "Thank you. The moderators will look at this comment."
        : "You have already reported this comment.",
    };
  },
);

const DECISIONS = {
  hide: "hide",
  restore: "publish",
  approve: "publish",
  delete: "delete",
} as const;

export const moderateComment = formAction(
  {
    access: "moderator",
    schema: z.object({
      ids: z
        .union([id, z.array(id)])
        .transform((value) => (Array.isArray(value) ? value : [value])),
      decision: z.enum(["hide", "restore", "approve", "delete", "pick", "unpick"], {
        message: "Choose what to do.",
      }),
      returnTo,
    }),
  },
  async (input) => {
    if (input.ids.length === 0) return { ok: false, message: "Select at least one comment." };
    const db = await getDb();
    if (input.decision === "pick" || input.decision === "unpick") {
      // A pick moves and labels a comment; the counts stay as they are.
      const slugs = await pickComments(db, input.ids, input.decision === "pick");
      publicPagesChanged(slugs, { counts: false });
      redirect(input.returnTo);
    }
    const slugs = await moderateComments(db, input.ids, DECISIONS[input.decision]);
    publicPagesChanged(slugs);
    redirect(input.returnTo);
  },
);

export const banCommenter = formAction(
  { access: "moderator", schema: z.object({ id, returnTo }) },
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
    publicPagesChanged(await banReader(db, comment.authorId));
    redirect(input.returnTo);
  },
);

export const setReplyMailPreference = formAction(
  { access: "reader", schema: z.object({ notify: z.enum(["on", "off"]) }) },
  async (input, viewer) => {
    await setReplyMail(await getDb(), viewer.id, input.notify === "on");
    return {
      ok: true,
      message:
        input.notify === "on"
          ? "We will email you when someone replies to one of your comments."
          : "We will not email you about replies.",
    };
  },
);

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
    await setReplyMail(await getDb(), input.u, false);
    return { ok: true, message: "Done: you will not get mail about replies any more." };
  },
);
