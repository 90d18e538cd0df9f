import "server-only";
import { matchPublicRoute, publicPathOf, SIGNED_IN_PREFIX, type PublicRoute } from "@/lib/routes";
import { getAllArticles, getArticle, getTopic } from "./index";

/** Articles on each page of the home listing. */
export const HOME_PAGE_SIZE = 20;

/** How many pages a listing of `count` items has: one at least, empty or not. */
export function pageCount(count: number, size = HOME_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/** Whether a public page exists: its article, its topic, its page of the listing. */
export async function publicRouteExists(route: PublicRoute): Promise<boolean> {
  switch (route.page) {
    case "home":
      return route.number <= pageCount((await getAllArticles()).length);
    case "article":
      return (await getArticle(route.slug)) !== null;
    case "topic": {
      const found = await getTopic(route.slug);
      return found !== null && route.number <= pageCount(found.articles.length);
    }
    case "topics":
    case "newsletter":
    case "privacy":
    case "corrections":
    case "search":
      return true;
  }
}

/**
 * For the front door: whether the public page at a decoded path exists (its signed-in
 * variant included), or null for a path that is not a public page's.
 */
export async function pageExists(pathname: string): Promise<boolean | null> {
  const signedIn = pathname === SIGNED_IN_PREFIX || pathname.startsWith(`${SIGNED_IN_PREFIX}/`);
  const path = signedIn ? publicPathOf(pathname) : pathname;
  const route = path === null ? null : matchPublicRoute(path);
  if (!route) return signedIn ? false : null;
  return publicRouteExists(route);
}
