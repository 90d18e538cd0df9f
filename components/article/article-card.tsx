import { IntentLink } from "@/components/site/intent-link";
import type { Article } from "@/lib/content";
import { articlePath, formatDate } from "@/lib/site";
import { CommentCount } from "./comment-count";
import { KindLabel } from "./kind-label";

export function ArticleCard({
  article,
  headingLevel = 2,
  commentCount,
}: {
  article: Article;
  headingLevel?: 2 | 3;
  commentCount: number;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="border-t border-rule py-6">
      <KindLabel kind={article.kind} />
      <Heading className="mt-2 font-serif text-2xl leading-snug font-bold">
        <IntentLink href={articlePath(article.slug)} className="hover:text-accent">
          {article.title}
        </IntentLink>
      </Heading>
      <p className="mt-2 font-serif text-lg text-muted">{article.dek}</p>
      <p className="mt-3 font-sans text-sm text-muted">
        <time dateTime={article.published}>{formatDate(article.published)}</time>
        {" · "}
        {article.readingMinutes} min read
        {" · "}
        <CommentCount slug={article.slug} count={commentCount} />
      </p>
    </article>
  );
}
