import { isWaiting, type Article } from "@/lib/content";
import { formatDateTime } from "@/lib/site";

/**
 * Says that a piece is not out: a draft, or scheduled. Readers never meet it (such a piece is
 * not published); the development server and moderators' previews show it.
 */
export function UnpublishedBanner({ article }: { article: Article }) {
  if (!isWaiting(article)) return null;
  return (
    <p
      role="note"
      className="mb-6 rounded border-2 border-dashed border-accent px-4 py-3 font-sans text-sm"
    >
      {article.draft ? (
        <>
          <strong>Draft.</strong> Not published: only the development server and moderators&apos;
          previews show it.
        </>
      ) : (
        <>
          <strong>Scheduled.</strong> Goes live on{" "}
          <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>; until
          then its address is a 404 for readers.
        </>
      )}
    </p>
  );
}
