import { IntentLink } from "@/components/site/intent-link";
import type { Article } from "@/lib/content";
import { articlePath, formatDate } from "@/lib/site";
import { CommentCount } from "./comment-count";
import { KindLabel } from "./kind-label";
import { Picture } from "./picture";

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
    <article className="flex flex-col gap-x-6 border-t border-rule py-6 sm:flex-row">
      {article.image && (
        <div className="mb-4 sm:order-last sm:mb-0 sm:w-44 sm:shrink-0">
          <Picture
            picture={article.image}
            sizes="(min-width: 40rem) 11rem, 100vw"
            alt=""
            className="aspect-[16/9] h-auto w-full border border-rule bg-white object-cover"
          />
        </div>
      )}
      <div className="min-w-0 flex-1">
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
      </div>
    </article>
  );
}
