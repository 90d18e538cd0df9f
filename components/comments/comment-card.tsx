import type { ReactNode } from "react";
import { CopyButton } from "@/components/article/copy-button";
import { isPick, type CommentView } from "@/lib/comments/threads";
import { formatDateTime } from "@/lib/site";

const STATUS_NOTES: Partial<Record<CommentView["status"], string>> = {
  held: "Awaiting approval by a moderator: only you and the moderators see it.",
  hidden: "Hidden by a moderator.",
};

/** One comment: who, when, what, and the controls this reader has on it. */
export function CommentCard({
  comment,
  inReplyTo,
  canModerate,
  controls,
}: {
  comment: CommentView;
  inReplyTo?: string | null;
  canModerate: boolean;
  controls: ReactNode;
}) {
  // A hidden comment shows its text to moderators and to its author (who alone is told).
  const withdrawn =
    comment.status === "deleted" ||
    (comment.status === "hidden" && !canModerate && comment.bodyHtml === "");
  const note =
    comment.status === "hidden" && !canModerate && !withdrawn
      ? `Removed by a moderator: ${comment.removal ?? "Other"}. Only you see it; other readers see nothing.`
      : comment.status === "hidden" && comment.removal
        ? `Hidden by a moderator: ${comment.removal}.`
        : STATUS_NOTES[comment.status];
  const author = comment.authorName ?? "deleted account";
  const headingId = `comment-${comment.id}-author`;
  return (
    <article id={`comment-${comment.id}`} aria-labelledby={headingId} className="py-4">
      {isPick(comment) && (
        <p className="mb-1 font-sans text-xs font-semibold tracking-widest text-accent uppercase">
          Editors&apos; pick
        </p>
      )}
      <p className="comment-meta font-sans text-sm">
        <span id={headingId} className={comment.authorName ? "font-semibold" : "text-muted italic"}>
          {comment.status === "deleted"
            ? "Deleted comment"
            : withdrawn
              ? "Removed comment"
              : author}
        </span>
        {!withdrawn && comment.byAuthor && (
          <span className="ml-2 rounded border border-accent px-1.5 py-px text-xs font-semibold text-accent">
            Author
          </span>
        )}
        {!withdrawn && comment.byEditor && !comment.byAuthor && (
          <span className="ml-2 rounded border border-accent px-1.5 py-px text-xs font-semibold text-accent">
            Editor
          </span>
        )}
        {!withdrawn && (
          <>
            <span className="text-muted"> · </span>
            {/* The time is the comment's own address: a link readers can share. */}
            <a
              id={`comment-${comment.id}-link`}
              href={`#comment-${comment.id}`}
              className="text-muted underline decoration-rule underline-offset-2 hover:text-accent"
            >
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
            </a>
            {comment.editedAt && (
              <span className="text-muted">
                {" "}
                · edited <time dateTime={comment.editedAt}>{formatDateTime(comment.editedAt)}</time>
              </span>
            )}
          </>
        )}
        {inReplyTo && !withdrawn && <span className="text-muted"> · in reply to {inReplyTo}</span>}
      </p>
      {note && <p className="mt-1 font-sans text-sm font-semibold text-accent">{note}</p>}
      {canModerate && comment.reports > 0 && (
        <p className="mt-1 font-sans text-sm font-semibold text-accent">
          Reported {comment.reports} {comment.reports === 1 ? "time" : "times"}
        </p>
      )}
      {comment.status === "deleted" ? (
        <p className="mt-2 font-serif text-muted italic">deleted</p>
      ) : withdrawn ? (
        <p className="mt-2 font-serif text-muted italic">removed by a moderator</p>
      ) : (
        // Made once from the reader's text when it was written (lib/comments/format.ts):
        // markdown-it with raw HTML off, every text escaped, links checked.
        <div
          className="comment-body mt-2 font-serif"
          dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
        />
      )}
      <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-1 font-sans text-sm">
        {controls}
        {!withdrawn && (
          <CopyButton
            source={`comment-${comment.id}-link`}
            label="Copy link"
            name={`Copy link to the comment by ${author}`}
            plain
          />
        )}
      </div>
    </article>
  );
}
