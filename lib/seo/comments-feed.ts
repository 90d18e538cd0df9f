import type { Article } from "@/lib/content";
import type { CommentView } from "@/lib/comments/threads";
import { SITE, absoluteUrl, articlePath } from "@/lib/site";
import { cdata } from "./feed";
import { escapeXml } from "./xml";

/** How many comments a piece's comment feed carries: the newest. */
export const COMMENTS_FEED_SIZE = 50;

/**
 * RSS 2.0 of a piece's newest published comments, newest first: who, when, and the comment's
 * stored HTML (made when it was written, a safe subset with no script), each linking to the
 * comment on the page.
 */
export function renderCommentsFeed(article: Article, comments: readonly CommentView[]): string {
  const page = absoluteUrl(articlePath(article.slug));
  const items = comments
    .filter((comment) => comment.status === "published")
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .slice(0, COMMENTS_FEED_SIZE)
    .map((comment) => {
      const link = `${page}#comment-${comment.id}`;
      const author = comment.authorName ?? "deleted account";
      return `    <item>
      <title>${escapeXml(`${author} on “${article.title}”`)}</title>
      <link>${escapeXml(link)}</link>
      <guid isPermaLink="true">${escapeXml(link)}</guid>
      <dc:creator>${escapeXml(author)}</dc:creator>
      <pubDate>${new Date(comment.createdAt).toUTCString()}</pubDate>
      <description>${cdata(comment.bodyHtml)}</description>
    </item>`;
    });
  const self = absoluteUrl(`${articlePath(article.slug)}/comments.xml`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(`Comments on “${article.title}”: ${SITE.name}`)}</title>
    <link>${escapeXml(`${page}#comments`)}</link>
    <description>${escapeXml(`Readers' comments on ${article.title}, newest first.`)}</description>
    <language>${SITE.language}</language>
    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>
${items.join("\n")}
  </channel>
</rss>
`;
}
