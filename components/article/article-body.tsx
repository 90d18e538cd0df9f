import type { Article } from "@/lib/content";
import { FaqSection } from "./faq-section";

/**
 * The article's text. Each run of Markdown arrives as the HTML the content loader made of it,
 * so the page carries it once as markup and once as one string in the React payload, and
 * the browser neither builds nor hydrates an element for every paragraph, list item and
 * link of a long article: the reader's phone does the least work before the page responds.
 */
export function ArticleBody({ article }: { article: Article }) {
  return (
    <div className="article-body">
      {article.body.map((block, index) =>
        block.type === "faq" ? (
          article.faq && <FaqSection key={index} faq={article.faq} />
        ) : (
          <div
            key={index}
            className="article-text"
            dangerouslySetInnerHTML={{ __html: block.html }}
          />
        ),
      )}
    </div>
  );
}
