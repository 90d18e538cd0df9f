import { VARIANT_FORMATS, encodeVariant, type VariantFormat } from "@/lib/content/figures";
import { listVariants, readMedia } from "@/lib/content/media";

/**
 * A figure at one width in AVIF or WebP (`/media/<slug>/<file>/828.avif`), encoded once, at
 * build time, and served as a file: readers' requests never make the server encode an image.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return listVariants();
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string; file: string; variant: string }> },
) {
  const { slug, file, variant } = await params;
  const known = (await listVariants()).some(
    (item) => item.slug === slug && item.file === file && item.variant === variant,
  );
  const [width, format] = variant.split(".") as [string, VariantFormat];
  if (!known) return new Response("There is no such image.", { status: 404 });
  const body = await encodeVariant(await readMedia(slug, file), Number(width), format);
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": VARIANT_FORMATS[format] },
  });
}
