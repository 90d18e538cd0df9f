import "server-only";
import path from "node:path";
import { getConfig } from "@/lib/config";
import type { Author } from "./authors";
import { loadContent, type Content } from "./load";
import { rankRelated } from "./related";
import { isLive, nextPublication } from "./schedule";
import type { Article, Topic } from "./types";

export type { Author } from "./authors";
export type { Article, ArticleNote, Faq, Picture, Topic } from "./types";

/**
 * Where the articles, authors and media are: CONTENT_DIR, `content/` beside the app. Read
 * at run time, not traced into the build's output (the folder is beside the app anyway).
 */
export function contentDirectory(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), getConfig().content.directory);
}

type LoadedContent = Content & { bySlug: Map<string, Article> };

/**
 * One copy per process: Next.js loads this module once for the pages and once more for
 * instrumentation (the front door, the publication clock), and each would otherwise read and
 * keep the whole archive.
 */
const LOADED = Symbol.for("the-strategic-ledger.content");
type Holder = typeof globalThis & { [LOADED]?: Promise<LoadedContent> };

/**
 * Everything in the content folder, drafts and scheduled pieces included. A server reads the
 * folder once, from the bodies its build parsed (parse-cache.ts); the development server
 * reads it on every request, so that an editor sees a change to an article on reload.
 */
export function getContent(): Promise<LoadedContent> {
  const { env, content, distDir } = getConfig();
  const read = async (cacheDirectory?: string) => {
    const loadedContent = await loadContent(contentDirectory(), {
      timeZone: content.timeZone,
      cacheDirectory,
    });
    const bySlug = new Map(loadedContent.articles.map((article) => [article.slug, article]));
    return { ...loadedContent, bySlug };
  };
  if (env === "development") return read();
  const holder = globalThis as Holder;
  holder[LOADED] ??= read(
    env === "production"
      ? path.resolve(/* turbopackIgnore: true */ process.cwd(), distDir, "content-cache")
      : undefined,
  );
  return holder[LOADED];
}

/**
 * Whether readers see a piece now. In production: not a draft, and its time has come. The
 * development server shows everything, drafts and scheduled pieces with a banner.
 */
export function isPublished(article: Article, now = Date.now()): boolean {
  return getConfig().env === "development" || isLive(article, now);
}

/** Whether a piece is waiting: a draft, or scheduled for later than `now`. */
export function isWaiting(article: Article, now = Date.now()): boolean {
  return !isLive(article, now);
}

/**
 * The pieces out between two moments: the same list until the next piece goes live, so that
 * a listing, a feed or the front door does not filter the whole archive on every request.
 */
interface Edition {
  content: LoadedContent;
  from: number;
  until: number;
  articles: Article[];
}
const EDITION = Symbol.for("the-strategic-ledger.edition");
type EditionHolder = typeof globalThis & { [EDITION]?: Edition };

/** Every article readers can open now, newest first. */
export async function getAllArticles(now = Date.now()): Promise<Article[]> {
  const content = await getContent();
  if (getConfig().env === "development") return content.articles;
  const holder = globalThis as EditionHolder;
  const edition = holder[EDITION];
  if (edition?.content === content && now >= edition.from && now < edition.until) {
    return edition.articles;
  }
  const articles = content.articles.filter((article) => isLive(article, now));
  holder[EDITION] = {
    content,
    from: now,
    until: nextPublication(content.articles, now) ?? Number.POSITIVE_INFINITY,
    articles,
  };
  return articles;
}

/** An article readers can open now, or null. */
export async function getArticle(slug: string, now = Date.now()): Promise<Article | null> {
  const article = await getAnyArticle(slug);
  return article && isPublished(article, now) ? article : null;
}

/** An article whether or not it is out: for moderators' previews and the publication clock. */
export async function getAnyArticle(slug: string): Promise<Article | null> {
  return (await getContent()).bySlug.get(slug) ?? null;
}

export async function getRelatedArticles(article: Article): Promise<Article[]> {
  return rankRelated(article, await getAllArticles());
}

/** The topics of a list of articles, worked out once per list (an edition's is kept). */
const topicsOf = new WeakMap<Article[], Topic[]>();

export async function getAllTopics(): Promise<Topic[]> {
  const articles = await getAllArticles();
  let sorted = topicsOf.get(articles);
  if (!sorted) {
    const topics = new Map<string, Topic>();
    for (const article of articles) {
      for (const topic of article.topics) topics.set(topic.slug, topic);
    }
    sorted = [...topics.values()].sort((a, b) => a.name.localeCompare(b.name));
    topicsOf.set(articles, sorted);
  }
  return sorted;
}

export async function getTopic(slug: string): Promise<{ topic: Topic; articles: Article[] } | null> {
  const articles = (await getAllArticles()).filter((article) =>
    article.topics.some((topic) => topic.slug === slug),
  );
  const topic = articles[0]?.topics.find((candidate) => candidate.slug === slug);
  return topic ? { topic, articles } : null;
}

/** Each author's count of pieces, worked out once per list of pieces (an edition's is kept). */
const authorsOf = new WeakMap<Article[], { author: Author; count: number }[]>();

/** Every author, by name; each with the number of pieces readers can open now. */
export async function getAllAuthors(): Promise<{ author: Author; count: number }[]> {
  const [{ authors }, articles] = await Promise.all([getContent(), getAllArticles()]);
  let counted = authorsOf.get(articles);
  if (!counted) {
    const counts = new Map<string, number>();
    for (const article of articles) {
      for (const by of article.authors) counts.set(by.slug, (counts.get(by.slug) ?? 0) + 1);
    }
    counted = [...authors.values()]
      .map((author) => ({ author, count: counts.get(author.slug) ?? 0 }))
      .sort((a, b) => a.author.name.localeCompare(b.author.name));
    authorsOf.set(articles, counted);
  }
  return counted;
}

/** An author and their pieces out now, newest first; null for an unknown slug. */
export async function getAuthor(
  slug: string,
): Promise<{ author: Author; articles: Article[] } | null> {
  const author = (await getContent()).authors.get(slug);
  if (!author) return null;
  const articles = (await getAllArticles()).filter((article) =>
    article.authors.some((by) => by.slug === slug),
  );
  return { author, articles };
}

/** The addresses the piece's authors sign in with (for the "Author" label), never shown. */
export async function pieceAuthorAccounts(slug: string): Promise<string[]> {
  const [article, { authors }] = await Promise.all([getAnyArticle(slug), getContent()]);
  return (article?.authors ?? []).flatMap((by) => authors.get(by.slug)?.account ?? []);
}
