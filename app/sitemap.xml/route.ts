import {
  SITEMAP_HEADERS,
  renderIndex,
  renderUrlset,
  SITEMAP_SIZE,
  sitemapEntries,
  sitemapParts,
} from "@/lib/seo/sitemap";

/** The sitemap, or past SITEMAP_SIZE addresses the index of its parts; made at build time. */
export const dynamic = "force-static";

export async function GET() {
  const entries = await sitemapEntries();
  const body =
    entries.length <= SITEMAP_SIZE
      ? renderUrlset(entries)
      : renderIndex(sitemapParts(entries.length), entries[0]?.lastModified);
  return new Response(body, { headers: SITEMAP_HEADERS });
}
