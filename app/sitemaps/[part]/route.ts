import { getContent } from "@/lib/content";
import {
  SITEMAP_HEADERS,
  renderUrlset,
  SITEMAP_SIZE,
  sitemapEntries,
  sitemapParts,
} from "@/lib/seo/sitemap";

/**
 * One part of a sitemap too large for one file: /sitemaps/<n>.xml, SITEMAP_SIZE addresses
 * each, made at build time for as many parts as every piece (scheduled ones too) would fill.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export async function generateStaticParams() {
  const pieces = (await getContent()).articles.filter((article) => !article.draft).length;
  return Array.from({ length: sitemapParts(pieces + 4) }, (_, index) => ({
    part: `${index + 1}.xml`,
  }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  const match = /^([1-9][0-9]{0,5})\.xml$/.exec((await params).part);
  const entries = await sitemapEntries();
  const part = match ? Number(match[1]) : 0;
  if (part < 1 || part > sitemapParts(entries.length)) {
    return new Response("There is no such part of the sitemap.", { status: 404 });
  }
  return new Response(renderUrlset(entries.slice((part - 1) * SITEMAP_SIZE, part * SITEMAP_SIZE)), {
    headers: SITEMAP_HEADERS,
  });
}
