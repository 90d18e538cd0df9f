import "server-only";
import { getArticle } from "@/lib/content";
import { sign, verifySignature } from "@/lib/crypto/signed";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { sendMail } from "@/lib/mail";
import { excerpt } from "@/lib/text/excerpt";
import { renderMail } from "@/lib/mail/layout";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";
import { isBanned } from "./ban";
import { readerStanding } from "./queries";

/**
 * Mail about replies, for readers who asked for it (off by default). Every message carries
 * a one-click way out: a visible link to a page with a button, and the List-Unsubscribe
 * headers of RFC 8058, whose POST needs no further step. The links are signed, not stored.
 */
const PURPOSE = "reply-mail";

export function verifyReplyMailToken(userId: string, token: string): boolean {
  return verifySignature(PURPOSE, userId, token);
}

export function replyMailStopUrls(userId: string): { page: string; oneClick: string } {
  const query = new URLSearchParams({ u: userId, t: sign(PURPOSE, userId) });
  return {
    page: absoluteUrl(`/replies/unsubscribe?${query}`),
    oneClick: absoluteUrl(`/api/replies/unsubscribe?${query}`),
  };
}

export async function notifyReply(reply: {
  parentAuthorId: string | null;
  replierId: string;
  replierName: string;
  slug: string;
  commentId: string;
  body: string;
}): Promise<void> {
  if (!reply.parentAuthorId || reply.parentAuthorId === reply.replierId) return;
  const recipient = await readerStanding(await getDb(), reply.parentAuthorId);
  if (!recipient?.notifyReplies || isBanned(recipient)) return;
  const article = await getArticle(reply.slug);
  if (!article) return;
  const stop = replyMailStopUrls(reply.parentAuthorId);
  const { text, html } = renderMail({
    preview: `${reply.replierName} replied to your comment`,
    greeting: `Hello ${recipient.name},`,
    paragraphs: [
      `${reply.replierName} replied to your comment on “${article.title}”:`,
      `“${excerpt(reply.body, 280)}”`,
    ],
    action: {
      label: "Read the reply",
      url: absoluteUrl(`${articlePath(reply.slug)}#comment-${reply.commentId}`),
    },
    footer: [
      `You get this because you asked ${SITE.name} to tell you about replies to your comments.`,
      {
        text: "Do not want them any more?",
        link: { label: "Stop these messages", url: stop.page },
      },
    ],
  });
  await sendMail({
    to: recipient.email,
    subject: `${reply.replierName} replied to your comment`,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${stop.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  });
}

/** For the log: whose mail failed, without the address. */
export function describeNotifyFailure(error: unknown): string {
  return `[comments] reply mail not sent: ${error instanceof Error ? error.message : String(error)} (site ${getConfig().siteUrl})`;
}
