/** An address no route matches: Next.js renders app/global-not-found.tsx for it, with a 404. */
export const MISSING_PATH = "/_missing";
