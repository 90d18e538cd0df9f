import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { NoticeForm } from "@/components/comments/notice-form";
import { getViewerForPage } from "@/lib/auth/viewer";
import { findComment } from "@/lib/comments/queries";
import { getArticle } from "@/lib/content";
import { getDb } from "@/lib/db/client";
import { articlePath } from "@/lib/site";
import { truncate } from "@/lib/text/excerpt";

export const metadata: Metadata = {
  title: "Report illegal content",
  robots: { index: false, follow: false },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A notice of illegal content about one comment: for anyone, signed in or not. */
export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [comment, viewer] = await Promise.all([findComment(await getDb(), id), getViewerForPage()]);
  if (!comment || comment.status === "deleted") notFound();
  // The words reported, so that the sender can check it is the comment they mean; a hidden
  // comment's text stays hidden here as everywhere else.
  const excerpt = comment.status === "published" ? truncate(comment.body, 600) : null;
  const article = await getArticle(comment.articleSlug);
  const commentUrl = `${articlePath(comment.articleSlug)}#comment-${comment.id}`;
  return (
    <AuthPage title="Report illegal content">
      <Lead>
        Tell us which law{" "}
        <Link href={commentUrl} prefetch={false} className="text-accent underline">
          this comment
        </Link>{" "}
        on “{article?.title ?? comment.articleSlug}” breaks, and why. A moderator, a person,
        decides, and we email you a receipt now and the decision with its reasons later.
      </Lead>
      {excerpt && (
        <blockquote className="mt-4 border-l-2 border-rule pl-4 font-serif break-words whitespace-pre-wrap">
          {excerpt}
        </blockquote>
      )}
      <p className="mt-4 font-sans text-sm text-muted">
        For a comment that is rude, off topic or spam rather than illegal, use “Report” under the
        comment instead. We do not tell the comment&apos;s author who sent a notice.
      </p>
      <div className="mt-4">
        <NoticeForm commentId={comment.id} name={viewer?.name ?? ""} email={viewer?.email ?? ""} />
      </div>
    </AuthPage>
  );
}
