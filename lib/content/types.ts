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

/** An image in the formats and widths the build made of it (none for SVG), and its size. */
export interface Picture {
  /** The original file, which browsers without AVIF or WebP get. */
  src: string;
  width: number;
  height: number;
  alt: string;
  sources: { type: string; srcSet: string }[];
}

/** A correction or an update of an article, shown on it and listed at /corrections. */
export interface ArticleNote {
  /** YYYY-MM-DD */
  date: string;
  text: string;
}

/** An author as an article names them: enough for a byline and structured data. */
export interface ArticleAuthor {
  slug: string;
  name: string;
  kind: "person" | "organization";
  /** Their profiles elsewhere (site, ORCID, social): structured data's sameAs. */
  sameAs: string[];
}

export interface Article {
  slug: string;
  title: string;
  dek: string;
  kind: ArticleKind;
  /** The byline: the authors' names ("A and B"), or the frontmatter's own `author`. */
  author: string;
  /** The authors with a page at /authors/<slug>; empty for a byline of its own. */
  authors: ArticleAuthor[];
  /** Never published; shown only by `npm run dev` and in moderators' previews. */
  draft: boolean;
  /** The moment the piece goes live, an ISO instant in UTC. */
  publishedAt: string;
  /**
   * ISO dates, YYYY-MM-DD, in the publication's time zone. `updated` is the latest of the
   * field, corrections and updates.
   */
  published: string;
  updated: string;
  /** Oldest first, as the editor wrote them. */
  corrections: ArticleNote[];
  updates: ArticleNote[];
  topics: Topic[];
  related: string[];
  faq: Faq | null;
  /** Whether the editor closed the piece's discussion (it may also close with age). */
  commentsClosed: boolean;
  /** The lead image: at the top of the article, on its cards, in its social image. */
  image: (Picture & { credit: string | null }) | null;
  body: BodyBlock[];
  /** The body and FAQ as plain text: what search reads. */
  text: string;
  wordCount: number;
  readingMinutes: number;
}
