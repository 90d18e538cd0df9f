/**
 * The public pages, declared once: every address a reader can open without signing in.
 *
 * - Anyone gets the page cached (its route file under app/(public)/).
 * - A reader with a session cookie gets the same page rendered per request, with their name
 *   and controls: proxy.ts rewrites the request to SIGNED_IN_PREFIX + the path, which
 *   app/(public-signed-in)/signed-in/[[...path]] renders from this table.
 * - An address of a page that does not exist (an unknown article, topic or page number) is
 *   answered with the not-found page, with real HTML, by lib/http/front-door.ts.
 *
 * Adding a public page: a `PublicRoute` kind here with its path both ways, its route file
 * under app/(public)/, its signed-in rendering (TypeScript asks for it), and its existence
 * check in lib/content/routes.ts. tests/unit/routes.test.ts checks that they agree.
 */
export type PublicRoute =
  | { page: "home"; number: number }
  | { page: "article"; slug: string; sort: "oldest" | "newest" }
  | { page: "topics" }
  | { page: "topic"; slug: string; number: number }
  | { page: "authors" }
  | { page: "author"; slug: string; number: number }
  | { page: "newsletter" }
  | { page: "privacy" }
  | { page: "corrections" }
  | { page: "search" };

export const SIGNED_IN_PREFIX = "/signed-in";

const SEGMENT = "([^/]+)";

/** Each page's path pattern, and the route it names. */
const PATTERNS: [RegExp, (match: RegExpExecArray) => PublicRoute | null][] = [
  [/^\/$/, () => ({ page: "home", number: 1 })],
  [/^\/page\/([1-9][0-9]{0,5})$/, (match) => ({ page: "home", number: Number(match[1]) })],
  [
    new RegExp(`^/analysis/${SEGMENT}(/newest)?$`),
    (match) => ({ page: "article", slug: match[1]!, sort: match[2] ? "newest" : "oldest" }),
  ],
  [/^\/topics$/, () => ({ page: "topics" })],
  [
    new RegExp(`^/topics/${SEGMENT}(?:/page/([1-9][0-9]{0,5}))?$`),
    (match) => ({ page: "topic", slug: match[1]!, number: Number(match[2] ?? "1") }),
  ],
  [/^\/authors$/, () => ({ page: "authors" })],
  [
    new RegExp(`^/authors/${SEGMENT}(?:/page/([1-9][0-9]{0,5}))?$`),
    (match) => ({ page: "author", slug: match[1]!, number: Number(match[2] ?? "1") }),
  ],
  [/^\/newsletter$/, () => ({ page: "newsletter" })],
  [/^\/privacy$/, () => ({ page: "privacy" })],
  [/^\/corrections$/, () => ({ page: "corrections" })],
  [/^\/search$/, () => ({ page: "search" })],
];

/** The public page at a path (already decoded), or null. */
export function matchPublicRoute(pathname: string): PublicRoute | null {
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(pathname);
    if (match) return route(match);
  }
  return null;
}

/** The path of a public page: the inverse of matchPublicRoute. */
export function publicRoutePath(route: PublicRoute): string {
  switch (route.page) {
    case "home":
      return route.number === 1 ? "/" : `/page/${route.number}`;
    case "article":
      return `/analysis/${route.slug}${route.sort === "newest" ? "/newest" : ""}`;
    case "topics":
      return "/topics";
    case "topic":
      return `/topics/${route.slug}${route.number === 1 ? "" : `/page/${route.number}`}`;
    case "authors":
      return "/authors";
    case "author":
      return `/authors/${route.slug}${route.number === 1 ? "" : `/page/${route.number}`}`;
    case "newsletter":
      return "/newsletter";
    case "privacy":
      return "/privacy";
    case "corrections":
      return "/corrections";
    case "search":
      return "/search";
  }
}

/** Where a signed-in reader's request for a public page is rendered. */
export function signedInPath(pathname: string): string {
  return pathname === "/" ? SIGNED_IN_PREFIX : `${SIGNED_IN_PREFIX}${pathname}`;
}

/** The public path a signed-in page stands for, or null when the path is not one. */
export function publicPathOf(signedIn: string): string | null {
  if (signedIn === SIGNED_IN_PREFIX) return "/";
  return signedIn.startsWith(`${SIGNED_IN_PREFIX}/`)
    ? signedIn.slice(SIGNED_IN_PREFIX.length)
    : null;
}
