export type ArticleKind = "op-ed" | "analysis";

export interface Topic {
  name: string;
  slug: string;
}

export interface FaqItem {
  question: string;
  answer: string;
  /** Fragment id of the question on the article page. */
  anchor: string;
}

export interface Faq {
  title: string;
  items: FaqItem[];
}

/**
 * The body in reading order: runs of Markdown, already HTML (made by the site from Markdown
 * with raw HTML refused, so nothing in it comes from outside the content folder), with the
 * FAQ placed where the author put `::faq`.
 */
export type BodyBlock = { type: "html"; html: string } | { type: "faq" };

export interface Article {
  slug: string;
  title: string;
  dek: string;
  kind: ArticleKind;
  author: string;
  /** ISO dates, YYYY-MM-DD. */
  published: string;
  updated: string;
  topics: Topic[];
  related: string[];
  faq: Faq | null;
  body: BodyBlock[];
  wordCount: number;
  readingMinutes: number;
}
