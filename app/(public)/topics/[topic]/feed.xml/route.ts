import { getAllTopics, getTopic } from "@/lib/content";
import { renderFeed } from "@/lib/seo/feed";
import { SITE, topicPath } from "@/lib/site";

/** A topic's own feed, with the full text of its newest pieces, made at build time. */
export const dynamic = "force-static";
// A piece, topic or author that appears later (a scheduled piece going live) gets its file
// on first request; an address of one that does not exist never gets here (lib/content/routes.ts).
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await getAllTopics()).map((topic) => ({ topic: topic.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ topic: string }> }) {
  const found = await getTopic((await params).topic);
  if (!found) return new Response("There is no such topic.", { status: 404 });
  const path = topicPath(found.topic.slug);
  return new Response(
    renderFeed(found.articles, {
      title: `${SITE.name}: ${found.topic.name}`,
      path,
      feedPath: `${path}/feed.xml`,
    }),
    { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } },
  );
}
