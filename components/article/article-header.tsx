import type { Article } from "@/lib/content";
import { KIND_LABELS, formatDate } from "@/lib/site";
import { latestNote } from "./article-notes";
import { Byline } from "./byline";
import { CommentCount } from "./comment-count";
import { KindLabel } from "./kind-label";
import { TopicLinks } from "./topic-links";

export function ArticleHeader({
  article,
  commentCount,
}: {
  article: Article;
  commentCount: number;
}) {
  const note = latestNote(article);
  return (
    <header className="border-b border-rule pb-8">
      <KindLabel kind={article.kind} />
      <h1 className="mt-3 font-serif text-3xl leading-tight font-bold text-balance sm:text-5xl">
        {article.title}
      </h1>
      <p className="mt-4 font-serif text-xl leading-snug text-muted">{article.dek}</p>
      <p className="mt-6 font-sans text-sm text-muted">
        <span className="sr-only">{KIND_LABELS[article.kind].label} by </span>
        <span className="font-semibold text-ink">
          <Byline article={article} />
        </span>
        {" · "}
        <time dateTime={article.published}>{formatDate(article.published)}</time>
        {note ? (
          <>
            {" · "}
            <a href={`#${note.anchor}`} className="text-accent underline">
              {note.label} <time dateTime={note.date}>{formatDate(note.date)}</time>
            </a>
          </>
        ) : (
          article.updated !== article.published && (
            <>
              {" · Updated "}
              <time dateTime={article.updated}>{formatDate(article.updated)}</time>
            </>
          )
        )}
        {" · "}
        {article.readingMinutes} min read
        {" · "}
        <CommentCount slug={article.slug} count={commentCount} />
      </p>
      <div className="mt-4">
        <TopicLinks topics={article.topics} />
      </div>
    </header>
  );
}
