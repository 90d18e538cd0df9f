import Link from "next/link";

/** "Newer" and "Older" links under a paged listing; nothing when there is one page. */
export function Pagination({
  page,
  pages,
  pathOf,
  labels = { previous: "← Newer", next: "Older →" },
}: {
  page: number;
  pages: number;
  pathOf: (page: number) => string;
  /** The links' words: a listing goes to newer and older pieces, search results do not. */
  labels?: { previous: string; next: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-10 flex justify-between font-sans">
      {page > 1 ? (
        <Link href={pathOf(page - 1)} rel="prev" prefetch={false} className="text-accent underline">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={pathOf(page + 1)} rel="next" prefetch={false} className="text-accent underline">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
