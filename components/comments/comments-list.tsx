import type { ReactNode } from "react";
import {
  buildThreads,
  countVisible,
  type CommentSort,
  type CommentView,
} from "@/lib/comments/threads";
import { publicRoutePath } from "@/lib/routes";
import { CommentCard } from "./comment-card";

/**
 * The discussion under an article: heading, order, threads. It imports no client code, so
 * that the cached page anonymous readers get carries none; the signed-in page passes its
 * form and controls in (reader-comments.tsx).
 */
export function CommentsList({
  slug,
  comments,
  sort,
  showAll,
  composer,
  controlsFor,
}: {
  slug: string;
  comments: CommentView[];
  sort: CommentSort;
  showAll: boolean;
  composer: ReactNode;
  controlsFor: (comment: CommentView) => ReactNode;
}) {
  const threads = buildThreads(comments, sort, { showAll });
  return (
    <CommentsSection heading={`Comments (${countVisible(comments)})`}>
      {threads.length > 1 && <SortLinks slug={slug} sort={sort} />}
      {composer}
      {threads.length === 0 ? (
        <p className="mt-6 text-muted">No comments yet. Be the first to share your view.</p>
      ) : (
        <ol className="mt-6 divide-y divide-rule border-y border-rule">
          {threads.map((thread) => (
            <li key={thread.comment.id}>
              <CommentCard
                comment={thread.comment}
                canModerate={showAll}
                controls={controlsFor(thread.comment)}
              />
              {thread.replies.length > 0 && (
                <ol
                  aria-label={`Replies to ${thread.comment.authorName ?? "a deleted account"}`}
                  className="mb-4 ml-4 border-l-2 border-rule pl-4 sm:ml-8"
                >
                  {thread.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentCard
                        comment={reply}
                        inReplyTo={reply.inReplyTo}
                        canModerate={showAll}
                        controls={controlsFor(reply)}
                      />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </CommentsSection>
  );
}

function SortLinks({ slug, sort }: { slug: string; sort: CommentSort }) {
  const options: { value: CommentSort; label: string; href: string }[] = [
    {
      value: "oldest",
      label: "Oldest first",
      href: `${publicRoutePath({ page: "article", slug, sort: "oldest" })}#comments`,
    },
    {
      value: "newest",
      label: "Newest first",
      href: `${publicRoutePath({ page: "article", slug, sort: "newest" })}#comments`,
    },
  ];
  return (
    <nav aria-label="Sort comments" className="mt-2 flex gap-4 font-sans text-sm">
      {options.map((option) =>
        option.value === sort ? (
          <span key={option.value} aria-current="true" className="font-semibold">
            {option.label}
          </span>
        ) : (
          <a key={option.value} href={option.href} className="text-accent underline">
            {option.label}
          </a>
        ),
      )}
    </nav>
  );
}

/** The section the flagship's "comments below" points to (#comments), whatever it holds. */
export function CommentsSection({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section
      id="comments"
      aria-labelledby="comments-heading"
      className="no-print mt-14 border-t border-rule pt-8"
    >
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
