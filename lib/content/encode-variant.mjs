import sharp from "sharp";

/**
 * One figure at one width in AVIF or WebP: how the site encodes its figure variants at build
 * time (app/media/…/[variant]), and what the benchmark times. Never wider than the original.
 */
export function encodeVariant(original, width, format) {
  const resized = sharp(original).resize({ width, withoutEnlargement: true });
  return format === "avif"
    ? resized.avif({ quality: 55, effort: 4 }).toBuffer()
    : resized.webp({ quality: 75 }).toBuffer();
}
