import Link from "next/link";

/** "Newer" and "Older" links under a paged listing; nothing when there is one page. */
export function Pagination({
  page,
  pages,
  pathOf,
}: {
  page: number;
  pages: number;
  pathOf: (page: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-10 flex justify-between font-sans">
      {page > 1 ? (
        <Link href={pathOf(page - 1)} rel="prev" prefetch={false} className="text-accent underline">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={pathOf(page + 1)} rel="next" prefetch={false} className="text-accent underline">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
