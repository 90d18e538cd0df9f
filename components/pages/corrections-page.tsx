import type { Metadata } from "next";
import Link from "next/link";
import { NOTES_ANCHORS } from "@/components/article/article-notes";
import { getAllArticles } from "@/lib/content";
import { siteCorrections } from "@/lib/content/corrections";
import { SITE, articlePath, formatDate } from "@/lib/site";

export const correctionsMetadata: Metadata = {
  title: "Corrections",
  description: `Every correction ${SITE.name} has made to a published piece, newest first.`,
  alternates: {
    canonical: "/corrections",
    types: {
      "application/rss+xml": [{ url: "/corrections/feed.xml", title: `${SITE.name}: corrections` }],
    },
  },
};

export async function CorrectionsPage() {
  const corrections = siteCorrections(await getAllArticles());
  return (
    <div className="mx-auto max-w-2xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Corrections</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        When we get something wrong, we correct it on the piece, say so at its top, and list it
        here, newest first. Tell us about an error in the comments under the piece.{" "}
        <a href="/corrections/feed.xml" className="text-accent underline">
          Follow corrections by RSS
        </a>
        .
      </p>
      {corrections.length === 0 ? (
        <p className="mt-10 font-serif text-lg">No corrections so far.</p>
      ) : (
        <ol className="mt-10 divide-y divide-rule border-y border-rule">
          {corrections.map((correction, index) => (
            <li key={index} className="py-5">
              <p className="font-sans text-sm text-muted">
                <time dateTime={correction.date}>{formatDate(correction.date)}</time>
                {" · "}
                <Link
                  href={`${articlePath(correction.article.slug)}#${NOTES_ANCHORS.corrections}`}
                  prefetch={false}
                  className="font-semibold text-ink underline hover:text-accent"
                >
                  {correction.article.title}
                </Link>
              </p>
              <p className="mt-2 font-serif text-lg">{correction.text}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
