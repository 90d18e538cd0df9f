import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Element } from "hast";
import type { Picture } from "./types";
import sharp from "sharp";

/**
 * Figures: images an editor keeps beside the articles, in `content/media/<slug>/`, written
 * in the body as `::figure[Caption]{src="map.png" alt="…" credit="…"}`. Each is checked when
 * the content is loaded (the file exists, is an image of a kind browsers take, is not too
 * large, and has alternative text) and served from `/media/<slug>/<file>`. A raster image
 * is also made, at build time, into AVIF and WebP at each of VARIANT_WIDTHS up to its own
 * width (`/media/<slug>/<file>/<width>.<avif|webp>`), which the page offers in a <picture>
 * for the browser to choose from: the work of Next.js's image optimiser, done once when the
 * site is built rather than on readers' requests (with `isrFlushToDisk` off, the optimiser
 * keeps nothing and would encode every figure again for every reader). SVG is served as it
 * is, as an image.
 */
export const MEDIA_FOLDER = "media";
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
};

const FILE_NAME = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)$/i;

/** The column a figure fills: the article's width on a wide screen, the screen on a phone. */
const SIZES = "(min-width: 42rem) 40rem, 100vw";

/** The widths each raster figure is made at: phones (1× to 3×) and the column at 2×. */
export const VARIANT_WIDTHS = [480, 828, 1280] as const;
export const VARIANT_FORMATS = { avif: "image/avif", webp: "image/webp" } as const;
export type VariantFormat = keyof typeof VARIANT_FORMATS;

/**
 * Authors' photos: their files sit beside the authors' own files (content/authors/), and are
 * served under this name in /media/, which no article's slug can take (slugs have no "_").
 * A photo is shown small, so it is made at small widths.
 */
export const AUTHOR_MEDIA = "_authors";
export const PHOTO_WIDTHS = [96, 192, 384] as const;

/** The widths made of images in an owner's folder: an article's figures, or authors' photos. */
export function widthsFor(owner: string): readonly number[] {
  return owner === AUTHOR_MEDIA ? PHOTO_WIDTHS : VARIANT_WIDTHS;
}

/** Where an owner's image files are, in the content folder. */
export function mediaFolder(owner: string): string {
  return owner === AUTHOR_MEDIA ? "authors" : path.join(MEDIA_FOLDER, owner);
}

/** The widths a figure of this width is made at: each below it, and its own. */
export function variantWidths(width: number, widths: readonly number[] = VARIANT_WIDTHS): number[] {
  const below = widths.filter((candidate) => candidate < width);
  return [...below, Math.min(width, widths.at(-1)!)].filter(
    (candidate, index, all) => all.indexOf(candidate) === index,
  );
}

export function variantPath(slug: string, file: string, width: number, format: VariantFormat) {
  return `${mediaPath(slug, file)}/${width}.${format}`;
}

export { encodeVariant } from "./encode-variant.mjs";

export function mediaPath(slug: string, file: string): string {
  return `/${MEDIA_FOLDER}/${slug}/${file}`;
}

export interface FigureRequest {
  src: string;
  alt: string | undefined;
  credit: string | undefined;
}

export interface ResolvedImage {
  /** The <picture> (or, for SVG, <img>), sized so that nothing moves as it loads. */
  image: Element;
  /** The same, as data, for the pages that render it themselves (a lead image, a card). */
  picture: Picture;
  /** The full-size file, which a reader can open. */
  full: string;
}

/**
 * Checks a figure's image and makes its element, or says what is wrong (without the file
 * name and line, which the caller adds).
 */
export async function resolveFigure(
  contentDirectory: string,
  slug: string,
  request: FigureRequest,
): Promise<ResolvedImage | string> {
  const { src, alt } = request;
  if (alt === undefined) {
    return `image "${src}" needs alt="…" describing the image (or alt="" if it is purely decorative)`;
  }
  const extension = FILE_NAME.exec(src)?.[1]?.toLowerCase();
  const folder = `content/${mediaFolder(slug)}/`;
  if (!extension) return `image src "${src}" must be a file name in ${folder}`;
  if (!IMAGE_TYPES[extension]) {
    return `image "${src}" must be a PNG, JPEG, WebP, AVIF or SVG file`;
  }
  const file = path.join(contentDirectory, mediaFolder(slug), src);
  const size = await stat(file).then(
    (info) => (info.isFile() ? info.size : null),
    () => null,
  );
  if (size === null) return `image "${src}": no file ${folder}${src}`;
  if (size > MAX_IMAGE_BYTES) {
    return `image "${src}" is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(await readFile(file)).metadata());
  } catch {
    // Not an image, whatever its name says.
  }
  if (!width || !height) return `image "${src}" is not a readable image`;

  const full = mediaPath(slug, src);
  const sources =
    extension === ".svg"
      ? []
      : (Object.keys(VARIANT_FORMATS) as VariantFormat[]).map((format) => ({
          type: VARIANT_FORMATS[format],
          srcSet: variantWidths(width, widthsFor(slug))
            .map((variant) => `${variantPath(slug, src, variant, format)} ${variant}w`)
            .join(", "),
        }));
  const picture: Picture = { src: full, width, height, alt, sources };
  return { full, picture, image: pictureElement(picture, SIZES) };
}

/** A picture as HTML: a <source> per format, and the <img> (lazy) the browser falls back to. */
function pictureElement(picture: Picture, sizes: string): Element {
  const image: Element = {
    type: "element",
    tagName: "img",
    properties: {
      src: picture.src,
      width: picture.width,
      height: picture.height,
      alt: picture.alt,
      loading: "lazy",
      decoding: "async",
    },
    children: [],
  };
  if (picture.sources.length === 0) return image;
  return {
    type: "element",
    tagName: "picture",
    properties: {},
    children: [
      ...picture.sources.map(
        (source): Element => ({
          type: "element",
          tagName: "source",
          properties: { type: source.type, srcSet: source.srcSet, sizes },
          children: [],
        }),
      ),
      image,
    ],
  };
}
