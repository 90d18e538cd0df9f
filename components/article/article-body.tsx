import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import type { Article } from "@/lib/content";
import { ContentLink } from "./content-link";
import { FaqSection } from "./faq-section";

export function ArticleBody({ article }: { article: Article }) {
  return (
    <div className="article-body">
      {article.body.map((block, index) =>
        block.type === "faq" ? (
          article.faq && <FaqSection key={index} faq={article.faq} />
        ) : (
          <Fragment key={index}>
            {toJsxRuntime(block.tree, { Fragment, jsx, jsxs, components: { a: ContentLink } })}
          </Fragment>
        ),
      )}
    </div>
  );
}
