import type { Article } from "@/lib/content/types";

/**
 * An article as the content loader makes one, for tests of what reads articles: every
 * field at a plain default, with the ones a test is about given.
 */
export function articleFixture(overrides: Partial<Article> & { slug: string }): Article {
  return {
    title: overrides.slug,
    dek: "A summary.",
    kind: "analysis",
    author: "A. Writer",
    authors: [],
    draft: false,
    publishedAt: `${overrides.published ?? "2026-01-01"}T00:00:00.000Z`,
    published: "2026-01-01",
    updated: overrides.published ?? "2026-01-01",
    topics: [{ name: "Europe", slug: "europe" }],
    related: [],
    faq: null,
    commentsClosed: false,
    image: null,
    corrections: [],
    updates: [],
    body: [],
    text: "",
    wordCount: 0,
    readingMinutes: 1,
    ...overrides,
  };
}
