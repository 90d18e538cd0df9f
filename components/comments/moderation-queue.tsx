"use client";

import { useState } from "react";
import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { banCommenter, liftReaderBan, moderateComment } from "@/lib/comments/actions";
import { decideOnNotice } from "@/lib/comments/notice-actions";
import type { QueueItem } from "@/lib/comments/queries";
import { NOTE_NEEDED, REASON_NEEDED, reasonLabel } from "@/lib/comments/reasons";
import { BanFields, RemovalFields } from "./comment-controls";

const STATUS_LABELS: Record<QueueItem["status"], string> = {
  published: "Published",
  held: "Awaiting approval",
  hidden: "Hidden",
  deleted: "Deleted",
};

/**
 * The moderators' queue: one form for the bulk actions (check comments, then press), and a
 * Ban button per comment. Works without JavaScript.
 */
export function ModerationQueue({
  items,
  returnTo,
  titles,
  selectAll,
  selectLinks,
  dates,
  excerpts,
  history,
}: {
  items: QueueItem[];
  returnTo: string;
  /** Each article's title, by slug. */
  titles: Record<string, string>;
  /** Whether the page was asked for with every comment ticked (select all without JavaScript). */
  selectAll: boolean;
  /** The same page with every box ticked, and with none. */
  selectLinks: { all: string; none: string };
  /** Formatted on the server, so that server and browser agree. */
  dates: Record<string, string>;
  excerpts: Record<string, string>;
  /** Each comment's moderation log, as lines (who, what, when, why), oldest first. */
  history: Record<string, string[]>;
}) {
  // With JavaScript the links tick or clear the boxes in place, keeping what else was chosen.
  const tickAll = (checked: boolean) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const form = event.currentTarget.closest("form");
    for (const box of form?.querySelectorAll<HTMLInputElement>("input[name=ids]") ?? []) {
      box.checked = checked;
    }
  };
  // A hide without a reason (or "Other" without a note) is stopped here, before the form is
  // sent and its ticked boxes reset; the server refuses it too (JavaScript off).
  const [missing, setMissing] = useState<string | null>(null);
  const checkReason = (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    const reason = form?.querySelector<HTMLSelectElement>("select[name=reason]");
    const note = form?.querySelector<HTMLInputElement>("input[name=note]");
    const problem = !reason?.value
      ? REASON_NEEDED
      : reason.value === "other" && !note?.value.trim()
        ? NOTE_NEEDED
        : null;
    setMissing(problem);
    if (!problem) return;
    event.preventDefault();
    (reason?.value ? note : reason)?.focus();
  };
  return (
    <>
      <ActionForm action={moderateComment}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <fieldset className="flex flex-wrap items-center gap-3 font-sans text-sm">
          <legend className="sr-only">With the selected comments</legend>
          {(
            [
              ["approve", "Approve selected"],
              ["hide", "Hide selected"],
              ["restore", "Restore selected"],
              ["delete", "Delete selected"],
            ] as const
          ).map(([decision, label]) => (
            <button
              key={decision}
              type="submit"
              name="decision"
              value={decision}
              onClick={decision === "hide" ? checkReason : undefined}
              className="rounded border border-rule px-3 py-1.5 hover:border-accent hover:text-accent"
            >
              {label}
            </button>
          ))}
          <div className="w-full">
            <RemovalFields idPrefix="bulk" required={false} />
            {missing && (
              <p role="alert" className="mt-2 font-semibold text-accent">
                {missing}
              </p>
            )}
          </div>
          <span className="flex gap-3 sm:ml-auto">
            <a href={selectLinks.all} onClick={tickAll(true)} className="text-accent underline">
              Select all
            </a>
            <a href={selectLinks.none} onClick={tickAll(false)} className="text-accent underline">
              Select none
            </a>
          </span>
        </fieldset>
        <ol className="mt-4 divide-y divide-rule border-y border-rule">
          {items.map((item) => (
            <li key={item.id} className="flex items-start gap-3 py-4">
              <input
                type="checkbox"
                name="ids"
                value={item.id}
                id={`select-${item.id}`}
                defaultChecked={selectAll}
                aria-label={`Select the comment by ${item.authorName ?? "a deleted account"}`}
                className="mt-1.5"
              />
              <article aria-labelledby={`queue-${item.id}`} className="min-w-0 flex-1">
                <p id={`queue-${item.id}`} className="font-sans text-sm">
                  <span className="font-semibold">{item.authorName ?? "deleted account"}</span>
                  {item.authorBanned && <span className="text-accent"> (banned)</span>} on{" "}
                  <a
                    href={`/analysis/${item.articleSlug}#comment-${item.id}`}
                    className="underline"
                  >
                    {titles[item.articleSlug] ?? item.articleSlug}
                  </a>{" "}
                  · {dates[item.id]} · <strong>{STATUS_LABELS[item.status]}</strong>
                </p>
                {item.reports > 0 && (
                  <p className="mt-1 font-sans text-sm font-semibold text-accent">
                    Reported {item.reports}×: {item.reasons.map(reasonLabel).join("; ")}
                  </p>
                )}
                {item.removal && <p className="mt-1 font-sans text-sm">Hidden: {item.removal}</p>}
                <p className="mt-1 font-serif break-words whitespace-pre-wrap">
                  {excerpts[item.id]}
                </p>
                {item.previousBody !== null && (
                  <details className="mt-1 font-sans text-sm">
                    <summary className="cursor-pointer text-muted">
                      Text before the last edit
                    </summary>
                    <p className="mt-1 font-serif break-words whitespace-pre-wrap">
                      {item.previousBody}
                    </p>
                  </details>
                )}
                {(history[item.id]?.length ?? 0) > 0 && (
                  <details className="mt-1 font-sans text-sm">
                    <summary className="cursor-pointer text-muted">
                      Moderation log ({history[item.id]!.length})
                    </summary>
                    <ul className="mt-1 list-disc pl-5 text-muted">
                      {history[item.id]!.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </article>
            </li>
          ))}
        </ol>
      </ActionForm>
      {items.some((item) => item.authorId && !item.authorBanned) && (
        <details className="mt-6 font-sans text-sm">
          <summary className="cursor-pointer font-semibold">Ban an author</summary>
          <ul className="mt-2 space-y-3">
            {items
              .filter((item) => item.authorId && !item.authorBanned)
              .map((item) => (
                <li key={item.id} className="rounded border border-rule p-3">
                  <ActionForm action={banCommenter}>
                    <input type="hidden" name="id" value={item.id} />
                    <input type="hidden" name="returnTo" value={returnTo} />
                    <p>
                      {item.authorName} ({excerpts[item.id]?.slice(0, 40)}…)
                    </p>
                    <BanFields idPrefix={`queue-ban-${item.id}`} />
                    <SubmitButton variant="danger">Ban {item.authorName}</SubmitButton>
                  </ActionForm>
                </li>
              ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Readers whose ban is in force, each with the way to lift it. */
export function BannedReaders({
  readers,
  returnTo,
}: {
  readers: {
    id: string;
    name: string;
    email: string;
    since: string;
    until: string;
    reason: string;
  }[];
  returnTo: string;
}) {
  if (readers.length === 0) return <p className="mt-2 font-sans text-sm text-muted">Nobody.</p>;
  return (
    <ul className="mt-3 divide-y divide-rule border-y border-rule font-sans text-sm">
      {readers.map((reader) => (
        <li key={reader.id} className="flex flex-wrap items-center gap-x-4 py-3">
          <span className="min-w-0 flex-1">
            <span className="font-semibold">{reader.name}</span> ({reader.email}): since{" "}
            {reader.since}, {reader.until}. {reader.reason}
          </span>
          <ActionForm action={liftReaderBan}>
            <input type="hidden" name="userId" value={reader.id} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <SubmitButton variant="secondary">Lift the ban on {reader.name}</SubmitButton>
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}

/** Notices of illegal content waiting for a decision: first on the queue page. */
export function NoticeQueue({
  notices,
  returnTo,
}: {
  notices: {
    id: string;
    commentUrl: string;
    title: string;
    author: string;
    excerpt: string;
    law: string;
    explanation: string;
    sender: string;
    received: string;
  }[];
  returnTo: string;
}) {
  return (
    <ol className="mt-3 space-y-4">
      {notices.map((notice) => (
        <li key={notice.id} id={`notice-${notice.id}`} className="rounded border border-accent p-4">
          <article aria-labelledby={`notice-${notice.id}-title`} className="font-sans text-sm">
            <p id={`notice-${notice.id}-title`} className="font-semibold">
              Notice about a comment by {notice.author} on{" "}
              <a href={notice.commentUrl} className="underline">
                {notice.title}
              </a>
            </p>
            <p className="mt-1 text-muted">
              From {notice.sender}, {notice.received}
            </p>
            <p className="mt-2 font-serif break-words whitespace-pre-wrap">“{notice.excerpt}”</p>
            <dl className="mt-2">
              <dt className="font-semibold">Law named</dt>
              <dd className="break-words">{notice.law}</dd>
              <dt className="mt-1 font-semibold">Why</dt>
              <dd className="break-words whitespace-pre-wrap">{notice.explanation}</dd>
            </dl>
            <ActionForm action={decideOnNotice}>
              <input type="hidden" name="id" value={notice.id} />
              <input type="hidden" name="returnTo" value={returnTo} />
              <fieldset className="mt-3">
                <legend className="font-semibold">Decision</legend>
                <label className="mt-1 flex items-center gap-2">
                  <input type="radio" name="outcome" value="removed" /> Remove the comment (illegal
                  content)
                </label>
                <label className="mt-1 flex items-center gap-2">
                  <input type="radio" name="outcome" value="kept" /> Keep it (no breach found)
                </label>
              </fieldset>
              <TextField
                name="note"
                label="Reasons, sent to the sender (and to the author if removed)"
                rows={3}
                required
                maxCharacters={2000}
              />
              <SubmitButton>Decide</SubmitButton>
            </ActionForm>
          </article>
        </li>
      ))}
    </ol>
  );
}
