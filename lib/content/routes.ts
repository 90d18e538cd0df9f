import "server-only";
import { matchPublicRoute, publicPathOf, SIGNED_IN_PREFIX, type PublicRoute } from "@/lib/routes";
import { getAllArticles, getArticle, getAuthor, getTopic } from "./index";

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
    case "author": {
      const found = await getAuthor(route.slug);
      return found !== null && route.number <= pageCount(found.articles.length);
    }
    case "topics":
    case "authors":
    case "newsletter":
    case "privacy":
    case "corrections":
    case "search":
      return true;
  }
}

/**
 * Files that belong to a page (its social image, citations, feed): they exist when it does,
 * so that an address made up for one is a 404 before it reaches its route, which renders
 * and keeps what it is asked for.
 */
const PAGE_FILE = /^(\/(analysis|topics|authors)\/[^/]+)\/([^/]+)$/;
const FILES_OF: Record<string, readonly string[]> = {
  analysis: ["social.png", "cite.bib", "cite.ris", "comments.xml"],
  topics: ["feed.xml"],
  authors: ["feed.xml"],
};
const FILE_NAMES = new Set(Object.values(FILES_OF).flat());

/**
 * For the front door: whether the public page at a decoded path exists (its signed-in
 * variant included, and the files that belong to it), or null for a path that is not a
 * public page's.
 */
export async function pageExists(pathname: string): Promise<boolean | null> {
  const [, pagePath = "", section = "", name = ""] = PAGE_FILE.exec(pathname) ?? [];
  if (FILE_NAMES.has(name)) {
    const page = matchPublicRoute(pagePath);
    if (!page || !FILES_OF[section]?.includes(name)) return false;
    return publicRouteExists(page);
  }
  const signedIn = pathname === SIGNED_IN_PREFIX || pathname.startsWith(`${SIGNED_IN_PREFIX}/`);
  const path = signedIn ? publicPathOf(pathname) : pathname;
  const route = path === null ? null : matchPublicRoute(path);
  if (!route) return signedIn ? false : null;
  return publicRouteExists(route);
}
