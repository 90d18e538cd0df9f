import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { requireModeratorPage } from "@/lib/auth/guards";
import { readerCounts } from "@/lib/auth/queries";
import { openNoticeCount } from "@/lib/comments/notices";
import { queueCounts } from "@/lib/comments/queries";
import { formatDateTime } from "@/lib/site";
import { getConfig } from "@/lib/config";
import { getContent, isWaiting } from "@/lib/content";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

export default async function AdminPage() {
  const viewer = await requireModeratorPage("/admin");
  const db = await getDb();
  const [counts, waitingComments, notices] = await Promise.all([
    readerCounts(db),
    queueCounts(db),
    openNoticeCount(db),
  ]);
  const moderators = getConfig().auth.adminEmails;
  const waiting = (await getContent()).articles
    .filter((article) => isWaiting(article))
    .sort(
      (a, b) => Number(a.draft) - Number(b.draft) || a.publishedAt.localeCompare(b.publishedAt),
    );
  return (
    <AuthPage title="Moderation">
      <Lead>You are signed in as a moderator ({viewer.email}).</Lead>
      <ul className="mt-6 list-disc pl-5 font-sans">
        <li>
          <Link href="/admin/comments" prefetch={false} className="text-accent underline">
            Comments
          </Link>
          : the queue, reports, comments awaiting approval, hidden comments and bans.
        </li>
        <li>
          <Link href="/admin/newsletter" prefetch={false} className="text-accent underline">
            Newsletter
          </Link>
          : subscribers, their export, and sending an article.
        </li>
      </ul>
      <dl className="mt-6 grid grid-cols-2 gap-4 font-sans">
        <div className="col-span-2 rounded border border-rule p-4">
          <dt className="text-sm text-muted">
            <Link href="/admin/comments#notices-heading" prefetch={false} className="underline">
              Notices of illegal content, waiting
            </Link>
          </dt>
          <dd className="mt-1 text-2xl font-semibold">{notices}</dd>
        </div>
        <div className="rounded border border-rule p-4">
          <dt className="text-sm text-muted">
            <Link href="/admin/comments?filter=reported" prefetch={false} className="underline">
              Reported, waiting
            </Link>
          </dt>
          <dd className="mt-1 text-2xl font-semibold">{waitingComments.reported}</dd>
        </div>
        <div className="rounded border border-rule p-4">
          <dt className="text-sm text-muted">
            <Link href="/admin/comments?filter=held" prefetch={false} className="underline">
              Awaiting approval
            </Link>
          </dt>
          <dd className="mt-1 text-2xl font-semibold">{waitingComments.held}</dd>
        </div>
        <div className="rounded border border-rule p-4">
          <dt className="text-sm text-muted">Reader accounts</dt>
          <dd className="mt-1 text-2xl font-semibold">{counts.readers}</dd>
        </div>
        <div className="rounded border border-rule p-4">
          <dt className="text-sm text-muted">Signed in now</dt>
          <dd className="mt-1 text-2xl font-semibold">{counts.signedInNow}</dd>
        </div>
      </dl>
      <h2 className="mt-10 font-serif text-xl font-bold">Drafts and scheduled pieces</h2>
      {waiting.length === 0 ? (
        <p className="mt-2 font-sans text-sm text-muted">
          None: every piece in the content folder is published.
        </p>
      ) : (
        <ul className="mt-3 list-disc pl-5 font-sans text-sm">
          {waiting.map((article) => (
            <li key={article.slug}>
              <Link
                href={`/admin/preview/${article.slug}`}
                prefetch={false}
                className="text-accent underline"
              >
                {article.title}
              </Link>
              {article.draft ? (
                ": draft"
              ) : (
                <>
                  : goes live{" "}
                  <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-10 font-serif text-xl font-bold">Moderators</h2>
      <p className="mt-2 font-sans text-sm text-muted">
        The addresses in ADMIN_EMAILS. The role is checked on every request, never stored with a
        session: a change takes effect when the server restarts, with no one signing in again.
      </p>
      <ul className="mt-3 list-disc pl-5 font-sans text-sm">
        {moderators.map((address) => (
          <li key={address}>{address}</li>
        ))}
      </ul>
    </AuthPage>
  );
}
