import type { Metadata } from "next";
import { Picture } from "@/components/article/picture";
import { IntentLink } from "@/components/site/intent-link";
import { getAllAuthors } from "@/lib/content";
import { authorPath } from "@/lib/site";

export const authorsMetadata: Metadata = {
  title: "Authors",
  description: "Who writes our analyses and op-eds.",
  alternates: { canonical: "/authors" },
  openGraph: { url: "/authors" },
};

export async function AuthorsPage() {
  const authors = await getAllAuthors();
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Authors</h1>
      <ul className="mt-8 grid gap-3">
        {authors.map(({ author, count }) => (
          <li key={author.slug}>
            <IntentLink
              href={authorPath(author.slug)}
              className="flex items-center gap-3 rounded border border-rule px-4 py-3 hover:border-accent"
            >
              {author.photo && (
                <Picture
                  picture={author.photo}
                  sizes="3rem"
                  className="size-12 shrink-0 rounded-full border border-rule object-cover"
                />
              )}
              <span className="min-w-0">
                <span className="font-serif text-lg font-semibold">{author.name}</span>
                <span className="block font-sans text-sm text-muted">
                  {author.role} · {count} {count === 1 ? "piece" : "pieces"}
                </span>
              </span>
            </IntentLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
