import Link from "next/link";

/** "Newer" and "Older" links under a paged listing; nothing when there is one page. */
export function Pagination({
  page,
  pages,
  pathOf,
  labels = { previous: "← Newer", next: "Older →" },
  plainLinks = false,
}: {
  page: number;
  pages: number;
  pathOf: (page: number) => string;
  /** The links' words: a listing goes to newer and older pieces, search results do not. */
  labels?: { previous: string; next: string };
  /**
   * Plain links, each a page load: search results, whose pages the front door answers from
   * another address (lib/search/address.ts), which Next.js's client-side navigation would
   * put in the address bar.
   */
  plainLinks?: boolean;
}) {
  if (pages <= 1) return null;
  const PageLink = plainLinks ? "a" : Link;
  return (
    <nav aria-label="Pages" className="mt-10 flex justify-between font-sans">
      {page > 1 ? (
        <PageLink
          href={pathOf(page - 1)}
          rel="prev"
          {...(!plainLinks && { prefetch: false })}
          className="text-accent underline"
        >
          {labels.previous}
        </PageLink>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <PageLink
          href={pathOf(page + 1)}
          rel="next"
          {...(!plainLinks && { prefetch: false })}
          className="text-accent underline"
        >
          {labels.next}
        </PageLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
