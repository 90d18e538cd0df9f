import { Fragment } from "react";
import type { Article } from "@/lib/content";
import { authorPath } from "@/lib/site";

/** The authors' names, each a link to their page; a byline of its own as it is written. */
export function Byline({ article }: { article: Pick<Article, "author" | "authors"> }) {
  if (article.authors.length === 0) return <>{article.author}</>;
  const last = article.authors.length - 1;
  return (
    <>
      {article.authors.map((author, index) => (
        <Fragment key={author.slug}>
          {index > 0 && (index === last ? " and " : ", ")}
          <a
            href={authorPath(author.slug)}
            rel="author"
            className="underline decoration-rule underline-offset-4 hover:text-accent"
          >
            {author.name}
          </a>
        </Fragment>
      ))}
    </>
  );
}
