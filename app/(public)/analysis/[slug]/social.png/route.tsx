import { getAllArticles, getArticle } from "@/lib/content";
import sharp from "sharp";
import { readMedia } from "@/lib/content/media";
import { IMAGE_COLUMN, renderSocialImage } from "@/lib/og/render";
import { PRERENDERED_FILES } from "@/lib/seo/citation-route";
import { KIND_LABELS } from "@/lib/site";

/**
 * The article's social preview image, 1200×630, made once (at build time for the newest) and
 * served as a file. Its address and alternative text (the article's title) are in the page's
 * metadata (lib/seo/metadata.ts): a route of its own rather than opengraph-image.tsx, whose
 * alternative text cannot differ from one article to the next.
 */
export const dynamic = "force-static";
// A piece, topic or author that appears later (a scheduled piece going live) gets its file
// on first request; an address of one that does not exist never gets here (lib/content/routes.ts).
export const dynamicParams = true;

export async function generateStaticParams() {
  // The newest at build time; older ones on first request, so the build does not grow with
  // the archive.
  return (await getAllArticles())
    .slice(0, PRERENDERED_FILES)
    .map((article) => ({ slug: article.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = await getArticle((await params).slug);
  if (!article) return new Response("There is no such article.", { status: 404 });
  const topic = article.topics[0]?.name;
  // The lead image, whole, fitted into its column on the card's paper (SVG drawn to pixels).
  const image = article.image
    ? `data:image/png;base64,${(
        await sharp(await readMedia(article.slug, article.image.src.split("/").at(-1)!))
          .resize({ ...IMAGE_COLUMN, fit: "contain", background: "#f7f4ee" })
          .png()
          .toBuffer()
      ).toString("base64")}`
    : undefined;
  return renderSocialImage({
    image,
    eyebrow: [KIND_LABELS[article.kind].label, topic].filter(Boolean).join(" · "),
    title: article.title,
    dek: article.dek,
  });
}
