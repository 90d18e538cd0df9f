import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage } from "@/components/auth/auth-page";
import {
  BannedReaders,
  ModerationQueue,
  NoticeQueue,
} from "@/components/comments/moderation-queue";
import { requireModeratorPage } from "@/lib/auth/guards";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { bannedReaders, moderationHistory } from "@/lib/comments/moderation";
import { openNotices } from "@/lib/comments/notices";
import { moderationQueue, QUEUE_PAGE_SIZE, type QueueFilter } from "@/lib/comments/queries";
import { removalLabel } from "@/lib/comments/reasons";
import { getArticle } from "@/lib/content";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/site";
import { truncate } from "@/lib/text/excerpt";

export const metadata: Metadata = { title: "Comments: moderation", robots: { index: false } };

const FILTERS: { value: QueueFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "reported", label: "Reported" },
  { value: "held", label: "Awaiting approval" },
  { value: "hidden", label: "Hidden" },
];

/** The log's actions, in words. */
const ACTIONS: Record<string, string> = {
  hide: "Hidden",
  restore: "Restored",
  approve: "Approved",
  delete: "Deleted",
  pick: "Made an editors' pick",
  unpick: "No longer a pick",
  keep: "Kept after a notice of illegal content",
};

export default async function CommentQueuePage({ searchParams }: { searchParams: SearchParams }) {
  await requireModeratorPage("/admin/comments");
  const params = await searchParams;
  const filter =
    FILTERS.find((option) => option.value === firstParam(params.filter))?.value ?? "all";
  const before = firstParam(params.before);
  const db = await getDb();
  const [items, banned, notices] = await Promise.all([
    moderationQueue(db, filter, before),
    bannedReaders(db),
    openNotices(db),
  ]);
  const log = await moderationHistory(
    db,
    items.map((item) => item.id),
  );
  const here = `/admin/comments${filter === "all" ? "" : `?filter=${filter}`}`;
  // "Select all" without JavaScript: the same page again, every box ticked.
  const query = { ...(filter === "all" ? {} : { filter }), ...(before ? { before } : {}) };
  const selectAll = firstParam(params.select) === "all";
  const selectLinks = {
    all: `/admin/comments?${new URLSearchParams({ ...query, select: "all" })}`,
    none: `/admin/comments${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`,
  };
  const titles = Object.fromEntries(
    await Promise.all(
      [
        ...new Set([
          ...items.map((item) => item.articleSlug),
          ...notices.map((notice) => notice.articleSlug),
        ]),
      ].map(async (slug) => [slug, (await getArticle(slug))?.title ?? slug] as const),
    ),
  );
  const last = items.at(-1);
  return (
    <AuthPage title="Comments" wide>
      {notices.length > 0 && (
        <section aria-labelledby="notices-heading" className="mt-6">
          <h2 id="notices-heading" className="font-serif text-xl font-bold">
            Notices of illegal content ({notices.length})
          </h2>
          <NoticeQueue
            returnTo={here}
            notices={notices.map((notice) => ({
              id: notice.id,
              commentUrl: `/analysis/${notice.articleSlug}#comment-${notice.commentId}`,
              title: titles[notice.articleSlug] ?? notice.articleSlug,
              author: notice.authorName ?? "a deleted account",
              excerpt: truncate(notice.commentBody, 400),
              law: notice.law,
              explanation: notice.explanation,
              sender: `${notice.senderName} <${notice.senderEmail}>`,
              received: formatDateTime(notice.createdAt),
            }))}
          />
        </section>
      )}
      <nav aria-label="Filter comments" className="mt-4 flex flex-wrap gap-4 font-sans text-sm">
        {FILTERS.map((option) =>
          option.value === filter ? (
            <span key={option.value} aria-current="page" className="font-semibold">
              {option.label}
            </span>
          ) : (
            <Link
              key={option.value}
              href={
                option.value === "all"
                  ? "/admin/comments"
                  : `/admin/comments?filter=${option.value}`
              }
              prefetch={false}
              className="text-accent underline"
            >
              {option.label}
            </Link>
          ),
        )}
      </nav>
      {items.length === 0 ? (
        <p className="mt-8 text-muted">Nothing here.</p>
      ) : (
        <div className="mt-6">
          <ModerationQueue
            items={items}
            returnTo={here}
            titles={titles}
            selectAll={selectAll}
            selectLinks={selectLinks}
            dates={Object.fromEntries(
              items.map((item) => [item.id, formatDateTime(item.createdAt)]),
            )}
            history={Object.fromEntries(
              items.map((item) => [
                item.id,
                (log.get(item.id) ?? []).map(
                  (entry) =>
                    `${formatDateTime(entry.at)}: ${ACTIONS[entry.action] ?? entry.action} by ${entry.moderator}${entry.action === "keep" ? ` (${entry.note ?? ""})` : entry.reason ? ` (${removalLabel(entry.reason, entry.note)})` : ""}`,
                ),
              ]),
            )}
            excerpts={Object.fromEntries(items.map((item) => [item.id, truncate(item.body, 400)]))}
          />
        </div>
      )}
      {items.length === QUEUE_PAGE_SIZE && last && (
        <p className="mt-6 font-sans text-sm">
          <Link
            href={`/admin/comments?${new URLSearchParams({ ...(filter === "all" ? {} : { filter }), before: last.createdAt })}`}
            prefetch={false}
            className="text-accent underline"
          >
            Older comments
          </Link>
        </p>
      )}
      <h2 className="mt-10 font-serif text-xl font-bold">Banned readers</h2>
      <BannedReaders
        returnTo={here}
        readers={banned.map((reader) => ({
          id: reader.id,
          name: reader.name,
          email: reader.email,
          since: formatDateTime(reader.bannedAt),
          until: reader.bannedUntil ? `until ${formatDateTime(reader.bannedUntil)}` : "permanently",
          reason: reader.reason ?? "",
        }))}
      />
    </AuthPage>
  );
}
