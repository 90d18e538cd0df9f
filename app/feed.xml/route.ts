import { getAllArticles } from "@/lib/content";
import { renderFeed } from "@/lib/seo/feed";

export const dynamic = "force-static";

export async function GET() {
  return new Response(renderFeed(await getAllArticles()), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
