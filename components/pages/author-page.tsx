import type { Metadata } from "next";
import { ArticleList } from "@/components/article/article-list";
import { Picture } from "@/components/article/picture";
import { JsonLd } from "@/components/json-ld";
import { Pagination } from "@/components/site/pagination";
import { publicCommentCounts } from "@/lib/comments/cache";
import { getAuthor } from "@/lib/content";
import { HOME_PAGE_SIZE, pageCount } from "@/lib/content/routes";
import { publicRoutePath } from "@/lib/routes";
import { authorStructuredData } from "@/lib/seo/structured-data";
import { SITE, absoluteUrl, authorPath } from "@/lib/site";

const pagePath = (slug: string, number: number) =>
  publicRoutePath({ page: "author", slug, number });

export async function authorMetadata(slug: string, number: number): Promise<Metadata> {
  const found = await getAuthor(slug);
  if (!found) return {};
  const path = authorPath(slug);
  return {
    title: number > 1 ? `${found.author.name}, page ${number}` : found.author.name,
    description: `${found.author.role}. ${found.author.bio[0] ?? ""}`.slice(0, 300),
    alternates: {
      canonical: pagePath(slug, number),
      types: {
        "application/rss+xml": [
          { url: `${path}/feed.xml`, title: `${SITE.name}: ${found.author.name}` },
        ],
      },
    },
    openGraph: { url: path, title: found.author.name, type: "profile" },
  };
}

/**
 * An author: who they are, what they know, where else to find them, and their pieces, newest
 * first, HOME_PAGE_SIZE a page. An unknown author or a page past the end never gets here.
 */
export async function AuthorPage({ slug, number }: { slug: string; number: number }) {
  const found = await getAuthor(slug);
  if (!found) return null;
  const { author, articles } = found;
  const shown = articles.slice((number - 1) * HOME_PAGE_SIZE, number * HOME_PAGE_SIZE);
  const counts = await publicCommentCounts();
  const path = authorPath(slug);
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "ProfilePage",
          url: absoluteUrl(path),
          mainEntity: {
            ...authorStructuredData({ ...author, sameAs: author.links.map((link) => link.url) }),
            ...(author.kind === "person" && { jobTitle: author.role }),
            ...(author.photo && {
              [author.kind === "person" ? "image" : "logo"]: absoluteUrl(author.photo.src),
            }),
            description: author.bio.join(" "),
            knowsAbout: author.expertise,
          },
        }}
      />
      <div className="flex items-center gap-4 sm:gap-5">
        {author.photo && (
          <Picture
            picture={author.photo}
            sizes="(min-width: 40rem) 6rem, 4.5rem"
            priority
            className="size-18 shrink-0 rounded-full border border-rule object-cover sm:size-24"
          />
        )}
        <div className="min-w-0">
          <p className="font-sans text-xs font-semibold tracking-widest text-accent uppercase">
            Author
          </p>
          <h1 className="mt-2 font-serif text-3xl font-bold sm:text-4xl">{author.name}</h1>
          <p className="mt-1 font-sans text-sm text-muted">{author.role}</p>
        </div>
      </div>
      {number === 1 && (
        <>
          <div className="mt-4 space-y-3 font-serif text-lg">
            {author.bio.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
          <h2 className="mt-6 font-sans text-sm font-semibold">Writes on</h2>
          <ul className="mt-2 flex flex-wrap gap-2 font-sans text-sm">
            {author.expertise.map((area) => (
              <li key={area} className="rounded border border-rule px-2 py-0.5">
                {area}
              </li>
            ))}
          </ul>
          {author.links.length > 0 && (
            <ul className="mt-4 flex flex-wrap gap-x-4 font-sans text-sm">
              {author.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="me noopener" className="text-accent underline">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="mt-4 font-sans text-sm">
        <a href={`${path}/feed.xml`} className="text-accent underline">
          Follow {author.name} by RSS
        </a>
      </p>
      <ArticleList articles={shown} counts={counts} />
      <Pagination
        page={number}
        pages={pageCount(articles.length)}
        pathOf={(page) => pagePath(slug, page)}
      />
    </div>
  );
}
