import type { Article } from "@/lib/content";
import type { ArticleAuthor } from "@/lib/content/types";
import { SITE, absoluteUrl, articlePath, authorPath } from "@/lib/site";

const SCHEMA_TYPES = { "op-ed": "OpinionNewsArticle", analysis: "AnalysisNewsArticle" } as const;

/** An author with a page: a Person (or the publication, an Organization), its page and profiles. */
export function authorStructuredData(author: ArticleAuthor) {
  return {
    "@type": author.kind === "organization" ? "Organization" : "Person",
    name: author.name,
    url: absoluteUrl(authorPath(author.slug)),
    ...(author.sameAs.length > 0 && { sameAs: author.sameAs }),
  };
}

export function articleStructuredData(article: Article) {
  const url = absoluteUrl(articlePath(article.slug));
  const author =
    article.authors.length > 0
      ? article.authors.map(authorStructuredData)
      : article.author === SITE.name
        ? { "@type": "Organization", name: SITE.name, url: absoluteUrl("/") }
        : { "@type": "Person", name: article.author };
  return {
    "@context": "https://schema.org",
    "@type": SCHEMA_TYPES[article.kind],
    headline: article.title,
    description: article.dek,
    datePublished: article.publishedAt,
    dateModified: article.updated,
    author,
    publisher: { "@type": "Organization", name: SITE.name, url: absoluteUrl("/") },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    image: [
      ...(article.image ? [absoluteUrl(article.image.src)] : []),
      absoluteUrl(`${articlePath(article.slug)}/social.png`),
    ],
    keywords: article.topics.map((topic) => topic.name).join(", "),
    wordCount: article.wordCount,
    inLanguage: SITE.language,
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((note) => ({
        "@type": "CorrectionComment",
        text: note.text,
        datePublished: note.date,
      })),
    }),
  };
}

export function faqStructuredData(article: Article) {
  if (!article.faq) return null;
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: article.faq.items.map((item) => ({
      "@type": "Question",
      name: item.question,
      acceptedAnswer: { "@type": "Answer", text: item.answer },
    })),
  };
}
