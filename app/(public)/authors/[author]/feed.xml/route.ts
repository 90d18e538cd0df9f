import { getAllAuthors, getAuthor } from "@/lib/content";
import { renderFeed } from "@/lib/seo/feed";
import { SITE, authorPath } from "@/lib/site";

/** An author's own feed, with the full text of their newest pieces, made at build time. */
export const dynamic = "force-static";
// A piece, topic or author that appears later (a scheduled piece going live) gets its file
// on first request; an address of one that does not exist never gets here (lib/content/routes.ts).
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await getAllAuthors()).map(({ author }) => ({ author: author.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ author: string }> }) {
  const found = await getAuthor((await params).author);
  if (!found) return new Response("There is no such author.", { status: 404 });
  const path = authorPath(found.author.slug);
  return new Response(
    renderFeed(found.articles, {
      title: `${SITE.name}: ${found.author.name}`,
      path,
      feedPath: `${path}/feed.xml`,
    }),
    { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } },
  );
}
