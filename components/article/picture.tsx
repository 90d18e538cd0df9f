import type { Picture as PictureData } from "@/lib/content";

/**
 * An image the build made variants of: a <source> per format, each with its widths, and the
 * original as the <img> the browser falls back to, with its size so that nothing moves.
 */
export function Picture({
  picture,
  sizes,
  alt = picture.alt,
  priority = false,
  className,
}: {
  picture: PictureData;
  sizes: string;
  /** Another text than the picture's own: "" where the image only repeats a title beside it. */
  alt?: string;
  /** The page's main image: fetched at once, first. */
  priority?: boolean;
  className?: string;
}) {
  const image = (
    // eslint-disable-next-line @next/next/no-img-element -- the variants are made at build time (lib/content/figures.ts)
    <img
      src={picture.src}
      width={picture.width}
      height={picture.height}
      alt={alt}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
      className={className}
    />
  );
  if (picture.sources.length === 0) return image;
  return (
    <picture>
      {picture.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      {image}
    </picture>
  );
}
