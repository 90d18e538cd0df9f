import type { Root as HastRoot } from "hast";

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

/** The body in reading order: Markdown, with the FAQ placed where the author put `::faq`. */
export type BodyBlock = { type: "markdown"; tree: HastRoot } | { type: "faq" };

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
