import type { Metadata } from "next";
import Link from "next/link";
import { KindLabel } from "@/components/article/kind-label";
import { Pagination } from "@/components/site/pagination";
import { getAllTopics } from "@/lib/content";
import type { ArticleKind } from "@/lib/content/types";
import { firstParam } from "@/lib/http/search-params";
import { MAX_QUERY_LENGTH, type SearchFilters } from "@/lib/search";
import { searchPublished } from "@/lib/search/site";
import { KIND_LABELS, articlePath, formatDate } from "@/lib/site";

export type SearchQuery = Record<string, string | string[] | undefined>;

/** Search pages are for readers, not for search engines: never indexed, never cached. */
export function searchMetadata(query: SearchQuery): Metadata {
  const q = firstParam(query.q)?.trim();
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search", robots: { index: false } };
}

const KINDS = Object.keys(KIND_LABELS) as ArticleKind[];

function searchPath(q: string, filters: SearchFilters, page: number): string {
  const params = new URLSearchParams({ q });
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.kind) params.set("kind", filters.kind);
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

/**
 * /search?q=…&topic=…&kind=…&page=…: a GET form and its results, rendered on the server, so
 * it works without JavaScript. A query over MAX_QUERY_LENGTH never gets here (the front door
 * answers it with a 400). Anyone's search is rendered once and cached (lib/search/address.ts),
 * a signed-in reader's per request.
 */
export async function SearchPage({ query }: { query: SearchQuery }) {
  const q = (firstParam(query.q) ?? "").slice(0, MAX_QUERY_LENGTH);
  const topics = await getAllTopics();
  const topic = topics.find((candidate) => candidate.slug === firstParam(query.topic))?.slug;
  const kind = KINDS.find((candidate) => candidate === firstParam(query.kind));
  const filters: SearchFilters = { topic, kind };
  const requested = Number(firstParam(query.page) ?? "1");
  // The box alone is prerendered with the build: no index is made for it.
  const result = q.trim()
    ? await searchPublished(q, filters, Number.isSafeInteger(requested) ? requested : 1)
    : null;
  const field = "rounded border border-rule bg-paper px-3 py-2 text-ink";
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Search</h1>
      <form
        action="/search"
        role="search"
        className="mt-6 flex flex-wrap items-end gap-3 font-sans text-sm"
      >
        <label className="flex min-w-0 flex-[1_1_16rem] flex-col gap-1">
          <span className="font-semibold">Search the analyses</span>
          <input
            type="search"
            name="q"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
            className={`${field} text-base`}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Topic</span>
          <select name="topic" defaultValue={topic ?? ""} className={field}>
            <option value="">All topics</option>
            {topics.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-semibold">Kind</span>
          <select name="kind" defaultValue={kind ?? ""} className={field}>
            <option value="">Every kind</option>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_LABELS[option].label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded bg-accent px-4 py-2 font-semibold text-paper hover:opacity-90"
        >
          Search
        </button>
      </form>
      {result && (
        <section aria-labelledby="results-heading" className="mt-10">
          <h2 id="results-heading" className="font-sans text-sm text-muted" role="status">
            {result.total === 0
              ? `Nothing found for “${q.trim()}”.`
              : `${result.total} ${result.total === 1 ? "piece" : "pieces"} for “${q.trim()}”`}
          </h2>
          <ol className="mt-4">
            {result.hits.map(({ article, snippet }) => (
              <li key={article.slug} className="border-t border-rule py-6">
                <KindLabel kind={article.kind} />
                <h3 className="mt-2 font-serif text-2xl leading-snug font-bold">
                  <Link
                    href={articlePath(article.slug)}
                    prefetch={false}
                    className="hover:text-accent"
                  >
                    {article.title}
                  </Link>
                </h3>
                <p className="mt-2 font-serif text-lg text-muted">
                  {snippet.map((part, index) =>
                    part.marked ? (
                      <mark key={index} className="rounded-sm bg-accent/20 px-0.5 text-ink">
                        {part.text}
                      </mark>
                    ) : (
                      part.text
                    ),
                  )}
                </p>
                <p className="mt-3 font-sans text-sm text-muted">
                  {article.author} ·{" "}
                  <time dateTime={article.published}>{formatDate(article.published)}</time>
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            page={result.page}
            pages={result.pages}
            pathOf={(page) => searchPath(q, filters, page)}
            labels={{ previous: "← Previous results", next: "More results →" }}
            plainLinks
          />
        </section>
      )}
    </div>
  );
}
