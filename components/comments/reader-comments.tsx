import { randomUUID } from "node:crypto";
import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { commentsClosed } from "@/lib/comments/closing";
import { isFollowing } from "@/lib/comments/discussion-follows";
import { commentsForArticle } from "@/lib/comments/queries";
import { getArticle, pieceAuthorAccounts } from "@/lib/content";
import type { CommentSort, CommentView } from "@/lib/comments/threads";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { publicRoutePath, signedInPath } from "@/lib/routes";
import { CommentActions, type PanelButton } from "./comment-actions";
import {
  ConfirmBan,
  ConfirmDelete,
  EditForm,
  HideForm,
  ModerateButton,
  ReportForm,
} from "./comment-controls";
import { CommentForm } from "./comment-form";
import { FollowDiscussion } from "./follow-discussion";
import { ClosedNotice } from "./public-comments";
import { CommentsList } from "./comments-list";

/** The panels a page opens under a comment without JavaScript: ?reply=ID, ?edit=ID, … */
export const PANELS = ["reply", "edit", "report", "hide", "delete", "ban"] as const;
export type OpenPanel = { panel: (typeof PANELS)[number]; commentId: string } | null;

/**
 * Without JavaScript a form posts to its page's own address; the forms here post to the
 * per-reader page itself, where their actions live (the public address is the cached page).
 */
function permalinkFor(page: string): string {
  return signedInPath(page);
}

function Controls({
  comment,
  slug,
  viewer,
  page,
  open,
  closed,
}: {
  comment: CommentView;
  slug: string;
  viewer: Viewer;
  /** The public page the comments are on (the article, oldest or newest first). */
  page: string;
  open: OpenPanel;
  /** A closed discussion takes no replies; its comments can still be edited and moderated. */
  closed: boolean;
}) {
  if (comment.status === "deleted") return null;
  const target = {
    id: comment.id,
    returnTo: `${page}#comment-${comment.id}`,
    permalink: permalinkFor(page),
  };
  const own = comment.authorId === viewer.id;
  const editable = own && (comment.status === "published" || comment.status === "held");
  const buttons: PanelButton[] = [];
  if (comment.status === "published" && !closed) {
    buttons.push({
      param: "reply",
      label: "Reply",
      panel: (
        <CommentForm
          slug={slug}
          parentId={comment.id}
          requestKey={randomUUID()}
          returnTo={target.returnTo}
          author={viewer.name}
          permalink={target.permalink}
          submitLabel="Post reply"
          cancellable
        />
      ),
    });
  }
  if (editable) {
    buttons.push({
      param: "edit",
      label: "Edit",
      panel: <EditForm {...target} body={comment.body} />,
    });
  }
  if (!own && !viewer.isModerator && comment.status === "published" && !comment.reportedByViewer) {
    buttons.push({ param: "report", label: "Report", panel: <ReportForm {...target} /> });
  }
  if (viewer.isModerator && comment.status !== "hidden") {
    buttons.push({ param: "hide", label: "Hide", panel: <HideForm {...target} /> });
  }
  if ((editable && !viewer.isModerator) || viewer.isModerator) {
    buttons.push({
      param: "delete",
      label: "Delete",
      panel: <ConfirmDelete {...target} own={!viewer.isModerator} />,
    });
  }
  if (viewer.isModerator && comment.authorId && !own) {
    buttons.push({
      param: "ban",
      label: "Ban author",
      panel: <ConfirmBan {...target} author={comment.authorName ?? "this reader"} />,
    });
  }
  return (
    <CommentActions
      commentId={comment.id}
      path={page}
      initiallyOpen={open?.commentId === comment.id ? open.panel : null}
      buttons={buttons}
    >
      {!own && !viewer.isModerator && comment.reportedByViewer && (
        <span className="text-muted">Reported</span>
      )}
      {viewer.isModerator && comment.status === "held" && (
        <ModerateButton {...target} decision="approve" label="Approve" />
      )}
      {viewer.isModerator &&
        comment.status === "published" &&
        (comment.picked ? (
          <ModerateButton {...target} decision="unpick" label="Unpick" />
        ) : (
          <ModerateButton {...target} decision="pick" label="Pick" />
        ))}
      {viewer.isModerator && comment.status === "hidden" && (
        <ModerateButton {...target} decision="restore" label="Restore" />
      )}
    </CommentActions>
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
  open: OpenPanel;
}) {
  const db = await getDb();
  const [comments, article, following] = await Promise.all([
    commentsForArticle(
      db,
      slug,
      viewer,
      getConfig().auth.adminEmails,
      await pieceAuthorAccounts(slug),
    ),
    getArticle(slug),
    isFollowing(db, viewer.id, slug),
  ]);
  const closed = commentsClosed(article);
  const page = publicRoutePath({ page: "article", slug, sort });
  return (
    <CommentsList
      slug={slug}
      comments={comments}
      sort={sort}
      showAll={viewer.isModerator}
      composer={
        closed ? (
          <>
            <ClosedNotice />
            {following && <FollowDiscussion slug={slug} following permalink={permalinkFor(page)} />}
          </>
        ) : (
          <div className="mt-4">
            <CommentForm
              slug={slug}
              requestKey={randomUUID()}
              returnTo={`${page}#comments`}
              author={viewer.name}
              permalink={permalinkFor(page)}
            />
            <p className="mt-2 font-sans text-sm text-muted">
              Commenting as <strong className="text-ink">{viewer.name}</strong>.{" "}
              <Link href="/account" prefetch={false} className="underline">
                Change your name or reply emails
              </Link>
              .
            </p>
            <FollowDiscussion slug={slug} following={following} permalink={permalinkFor(page)} />
          </div>
        )
      }
      controlsFor={(comment) => (
        <Controls
          comment={comment}
          slug={slug}
          viewer={viewer}
          page={page}
          open={open}
          closed={closed}
        />
      )}
    />
  );
}
