import { listMedia, readMedia } from "@/lib/content/media";

/**
 * An article's figure files, as they are (content/media/<slug>/<file>), made at build time:
 * what "open the full-size image" opens, and what browsers without AVIF or WebP get.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listMedia()).map(({ slug, file }) => ({ slug, file }));
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string; file: string }> },
) {
  const { slug, file } = await params;
  const media = (await listMedia()).find((item) => item.slug === slug && item.file === file);
  if (!media) return new Response("There is no such file.", { status: 404 });
  return new Response(new Uint8Array(await readMedia(slug, file)), {
    headers: { "Content-Type": media.type },
  });
}
