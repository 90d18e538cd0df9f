import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { commentsForArticle } from "@/lib/comments/queries";
import type { CommentSort, CommentView } from "@/lib/comments/threads";
import { getDb } from "@/lib/db/client";
import { articlePath } from "@/lib/site";
import { ButtonForm, EditForm, ReportForm } from "./comment-controls";
import { CommentForm } from "./comment-form";
import { CommentsList } from "./comments-list";
import { Toggle } from "./toggle";

/** Which form the page opens under a comment, from ?reply=, ?edit= or ?report= (no JavaScript). */
export interface OpenForm {
  reply?: string;
  edit?: string;
  report?: string;
}

/**
 * Without JavaScript a form posts to its page's own address; the forms here post to the
 * per-reader page itself, where their actions live (the public address is the cached page).
 */
function permalinkFor(slug: string, sort: CommentSort): string {
  return `/signed-in${articlePath(slug)}${sort === "newest" ? "/newest" : ""}`;
}

function Controls({
  comment,
  slug,
  viewer,
  sort,
  open,
}: {
  comment: CommentView;
  slug: string;
  viewer: Viewer;
  sort: CommentSort;
  open: OpenForm;
}) {
  if (comment.status === "deleted") return null;
  const path = `${articlePath(slug)}${sort === "newest" ? "/newest" : ""}`;
  const returnTo = `${path}#comment-${comment.id}`;
  const permalink = permalinkFor(slug, sort);
  const own = comment.authorId === viewer.id;
  const editable = own && (comment.status === "published" || comment.status === "held");
  return (
    <>
      {comment.status === "published" && (
        <Toggle
          label="Reply"
          param="reply"
          value={comment.id}
          path={path}
          initiallyOpen={open.reply === comment.id}
        >
          <CommentForm
            slug={slug}
            parentId={comment.id}
            requestKey={randomUUID()}
            sort={sort}
            author={viewer.name}
            permalink={permalink}
            submitLabel="Post reply"
          />
        </Toggle>
      )}
      {editable && (
        <Toggle
          label="Edit"
          param="edit"
          value={comment.id}
          path={path}
          initiallyOpen={open.edit === comment.id}
        >
          <EditForm id={comment.id} body={comment.body} sort={sort} permalink={permalink} />
        </Toggle>
      )}
      {editable && !viewer.isModerator && (
        <ButtonForm
          kind="delete-own"
          id={comment.id}
          sort={sort}
          returnTo={returnTo}
          permalink={permalink}
          label="Delete"
        />
      )}
      {!own &&
        !viewer.isModerator &&
        comment.status === "published" &&
        (comment.reportedByViewer ? (
          <span className="text-muted">Reported</span>
        ) : (
          <Toggle
            label="Report"
            param="report"
            value={comment.id}
            path={path}
            initiallyOpen={open.report === comment.id}
          >
            <ReportForm id={comment.id} permalink={permalink} />
          </Toggle>
        ))}
      {viewer.isModerator &&
        moderatorActions(comment, own).map(({ kind, label }) => (
          <ButtonForm
            key={kind}
            kind={kind}
            id={comment.id}
            sort={sort}
            returnTo={returnTo}
            permalink={permalink}
            label={label}
          />
        ))}
    </>
  );
}

/**
 * The comments for a signed-in reader, read from the database on each request: their held
 * comments, their forms, and the controls their role allows.
 */
export async function ReaderComments({
  slug,
  viewer,
  sort,
  open,
}: {
  slug: string;
  viewer: Viewer;
  sort: CommentSort;
  open: OpenForm;
}) {
  const comments = await commentsForArticle(await getDb(), slug, viewer);
  return (
    <CommentsList
      slug={slug}
      comments={comments}
      sort={sort}
      showAll={viewer.isModerator}
      composer={
        <div className="mt-4">
          <CommentForm
            slug={slug}
            requestKey={randomUUID()}
            sort={sort}
            author={viewer.name}
            permalink={permalinkFor(slug, sort)}
          />
          <p className="mt-2 font-sans text-sm text-muted">
            Commenting as <strong className="text-ink">{viewer.name}</strong>.{" "}
            <Link href="/account" prefetch={false} className="underline">
              Change your name or reply emails
            </Link>
            .
          </p>
        </div>
      }
      controlsFor={(comment) => (
        <Controls comment={comment} slug={slug} viewer={viewer} sort={sort} open={open} />
      )}
    />
  );
}

interface ModeratorAction {
  kind: "approve" | "restore" | "hide" | "delete" | "ban";
  label: string;
}

/** What a moderator can do to a comment, in the order the buttons show. */
function moderatorActions(comment: CommentView, own: boolean): ModeratorAction[] {
  const actions: ModeratorAction[] = [];
  if (comment.status === "held") actions.push({ kind: "approve", label: "Approve" });
  actions.push(
    comment.status === "hidden"
      ? { kind: "restore", label: "Restore" }
      : { kind: "hide", label: "Hide" },
  );
  actions.push({ kind: "delete", label: "Delete" });
  if (comment.authorId && !own) actions.push({ kind: "ban", label: "Ban author" });
  return actions;
}
