import { MAX_QUERY_LENGTH } from "./limits";

/**
 * Where an anonymous reader's search is rendered: `/search?q=…&topic=…&kind=…&page=…` is
 * answered by the page at SEARCH_RESULTS_PREFIX + a key made of the search's parameters
 * (lib/http/front-door.ts rewrites it there), which Next.js renders once per key and then
 * serves from its cache, like any public page, until the next piece goes live. A search
 * asked again, by anyone, costs no more than an article.
 *
 * The key is the search in one canonical form (spacing, the parameters' order, and
 * parameters the page does not read, such as a campaign's, make no second copy), as
 * base64url, so that no character of a query can change the path.
 */
export const SEARCH_RESULTS_PREFIX = "/search/results/";

const PARAMETERS = {
  q: (value: string) => value.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH),
  topic: (value: string) => (/^[a-z0-9-]{1,80}$/.test(value) ? value : ""),
  kind: (value: string) => (/^[a-z-]{1,20}$/.test(value) ? value : ""),
  page: (value: string) => (/^[1-9][0-9]{0,4}$/.test(value) && value !== "1" ? value : ""),
};
type Parameter = keyof typeof PARAMETERS;

function canonical(params: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const [name, clean] of Object.entries(PARAMETERS)) {
    const value = clean(params.get(name) ?? "");
    if (value) kept.set(name, value);
  }
  return kept;
}

/** The results page for a search's query string (after the "?"), or null for no search. */
export function searchResultsPath(queryString: string): string | null {
  const kept = canonical(new URLSearchParams(queryString)).toString();
  return kept ? `${SEARCH_RESULTS_PREFIX}${Buffer.from(kept).toString("base64url")}` : null;
}

/** The search a results page's key stands for: nothing for a key this site did not make. */
export function searchOfKey(key: string): Partial<Record<Parameter, string>> {
  const params = canonical(new URLSearchParams(Buffer.from(key, "base64url").toString("utf8")));
  return Object.fromEntries(params);
}
