/** The longest search the site takes, in characters; longer ones get a 400 (lib/http/front-door.ts). */
export const MAX_QUERY_LENGTH = 200;

/** Search results on each page. */
export const SEARCH_PAGE_SIZE = 20;
