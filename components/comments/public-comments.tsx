import { publicComments } from "@/lib/comments/cache";
import { commentsClosed } from "@/lib/comments/closing";
import { getArticle } from "@/lib/content";
import type { CommentSort } from "@/lib/comments/threads";
import { publicRoutePath } from "@/lib/routes";
import { CommentsList, CommentsSection } from "./comments-list";

/**
 * The comments as anonymous readers get them, inside the cached page: plain HTML, with
 * "Sign in to comment" and, under each comment, a Reply button that is a GET to sign in and
 * comes back to that comment's reply form.
 */
export async function PublicComments({ slug, sort }: { slug: string; sort: CommentSort }) {
  const [comments, article] = await Promise.all([publicComments(slug), getArticle(slug)]);
  if (comments === null) return <CommentsUnavailable />;
  const closed = commentsClosed(article);
  const page = publicRoutePath({ page: "article", slug, sort });
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(`${page}#comments`)}`;
  return (
    <CommentsList
      slug={slug}
      comments={comments}
      sort={sort}
      showAll={false}
      composer={
        closed ? (
          <ClosedNotice />
        ) : (
          <p className="mt-4 font-sans">
            <a href={signInHref} className="font-semibold text-accent underline">
              Sign in to comment
            </a>{" "}
            <span className="text-muted">or reply.</span>
          </p>
        )
      }
      controlsFor={(comment) =>
        comment.status === "published" && (
          <>
            {!closed && (
              <form method="get" action="/signin" className="inline">
                <input
                  type="hidden"
                  name="callbackUrl"
                  value={`${page}?reply=${comment.id}#comment-${comment.id}`}
                />
                <button type="submit" className="text-muted hover:text-accent">
                  Reply
                </button>
              </form>
            )}
            {/* Anyone may send a notice of illegal content, signed in or not. */}
            <a
              href={`/report/${comment.id}`}
              rel="nofollow"
              className="text-muted hover:text-accent"
              aria-label={`Report illegal content in the comment by ${comment.authorName ?? "a deleted account"}`}
            >
              Report illegal content
            </a>
          </>
        )
      }
    />
  );
}

/** Where the comment box would be, once a discussion is closed. */
export function ClosedNotice() {
  return (
    <p role="note" className="mt-4 font-sans text-muted">
      <strong className="text-ink">Comments are closed.</strong> The discussion stays as it is.
    </p>
  );
}

/** In place of the discussion while the database cannot be reached: the article still reads. */
export function CommentsUnavailable() {
  return (
    <CommentsSection heading="Comments">
      <p role="status" className="mt-4 text-muted">
        Comments cannot be shown just now. They will be back shortly.
      </p>
    </CommentsSection>
  );
}
