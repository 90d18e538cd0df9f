import "server-only";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { loadArticles } from "./load";
import { rankRelated } from "./related";
import type { Article, Topic } from "./types";

export type { Article, ArticleNote, Faq, Picture, Topic } from "./types";

/** Where the articles and their media are: `content/` beside the app. */
export const CONTENT_DIRECTORY = path.join(process.cwd(), "content");

let loaded: Promise<Article[]> | undefined;

/**
 * Every article, newest first. A build reads the folder once; the development server reads
 * it on every request, so an editor sees a change to an article on reload.
 */
export function getAllArticles(): Promise<Article[]> {
  if (getConfig().env === "development") return loadArticles(CONTENT_DIRECTORY);
  loaded ??= loadArticles(CONTENT_DIRECTORY);
  return loaded;
}

export async function getArticle(slug: string): Promise<Article | null> {
  return (await getAllArticles()).find((article) => article.slug === slug) ?? null;
}

export async function getRelatedArticles(article: Article): Promise<Article[]> {
  return rankRelated(article, await getAllArticles());
}

export async function getAllTopics(): Promise<Topic[]> {
  const topics = new Map<string, Topic>();
  for (const article of await getAllArticles()) {
    for (const topic of article.topics) topics.set(topic.slug, topic);
  }
  return [...topics.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTopic(slug: string): Promise<{ topic: Topic; articles: Article[] } | null> {
  const articles = (await getAllArticles()).filter((article) =>
    article.topics.some((topic) => topic.slug === slug),
  );
  const topic = articles[0]?.topics.find((candidate) => candidate.slug === slug);
  return topic ? { topic, articles } : null;
}
