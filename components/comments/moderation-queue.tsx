"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { banCommenter, moderateComment } from "@/lib/comments/actions";
import type { QueueItem } from "@/lib/comments/queries";
import { reasonLabel } from "@/lib/comments/reasons";

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
}) {
  // With JavaScript the links tick or clear the boxes in place, keeping what else was chosen.
  const tickAll = (checked: boolean) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const form = event.currentTarget.closest("form");
    for (const box of form?.querySelectorAll<HTMLInputElement>("input[name=ids]") ?? []) {
      box.checked = checked;
    }
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
              className="rounded border border-rule px-3 py-1.5 hover:border-accent hover:text-accent"
            >
              {label}
            </button>
          ))}
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
                <p className="mt-1 font-serif break-words whitespace-pre-wrap">
                  {excerpts[item.id]}
                </p>
              </article>
            </li>
          ))}
        </ol>
      </ActionForm>
      {items.some((item) => item.authorId && !item.authorBanned) && (
        <details className="mt-6 font-sans text-sm">
          <summary className="cursor-pointer font-semibold">Ban an author</summary>
          <ul className="mt-2 space-y-1">
            {items
              .filter((item) => item.authorId && !item.authorBanned)
              .map((item) => (
                <li key={item.id}>
                  <ActionForm action={banCommenter} className="inline">
                    <input type="hidden" name="id" value={item.id} />
                    <input type="hidden" name="returnTo" value={returnTo} />
                    {item.authorName} ({excerpts[item.id]?.slice(0, 40)}…){" "}
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
