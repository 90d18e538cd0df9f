import { getAllArticles } from "@/lib/content";
import { siteCorrections } from "@/lib/content/corrections";
import { renderCorrectionsFeed } from "@/lib/seo/feed";

export const dynamic = "force-static";

export async function GET() {
  return new Response(renderCorrectionsFeed(siteCorrections(await getAllArticles(), 50)), {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
  });
}
