import type { Article } from "./types";

/**
 * The articles to read next: the author's explicit picks first, in their order, then the
 * articles sharing the most topics, newest first. Never the article itself.
 */
export function rankRelated(article: Article, all: readonly Article[], limit = 3): Article[] {
  const bySlug = new Map(all.map((candidate) => [candidate.slug, candidate]));
  const picked = article.related
    .map((slug) => bySlug.get(slug))
    .filter((candidate): candidate is Article => !!candidate && candidate.slug !== article.slug);
  const pickedSlugs = new Set(picked.map((candidate) => candidate.slug));
  const topicSlugs = new Set(article.topics.map((topic) => topic.slug));

  const byTopics = all
    .filter((candidate) => candidate.slug !== article.slug && !pickedSlugs.has(candidate.slug))
    .map((candidate) => ({
      candidate,
      shared: candidate.topics.filter((topic) => topicSlugs.has(topic.slug)).length,
    }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.candidate.published.localeCompare(a.candidate.published) ||
        a.candidate.slug.localeCompare(b.candidate.slug),
    )
    .map(({ candidate }) => candidate);

  return [...picked, ...byTopics].slice(0, limit);
}
