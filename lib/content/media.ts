import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { contentDirectory, getContent } from "./index";
import {
  AUTHOR_MEDIA,
  IMAGE_TYPES,
  VARIANT_FORMATS,
  mediaFolder,
  variantWidths,
  widthsFor,
  type VariantFormat,
} from "./figures";

export interface MediaFile {
  slug: string;
  file: string;
  type: string;
}

let media: Promise<MediaFile[]> | undefined;
let variants: Promise<{ slug: string; file: string; variant: string }[]> | undefined;

/**
 * Every figure file of every article: the image kinds figures take, in an article's folder.
 * Read once per process: each file's route asks for the list, at build time once per file.
 */
export function listMedia(): Promise<MediaFile[]> {
  media ??= readMediaFolders();
  return media;
}

async function readMediaFolders(): Promise<MediaFile[]> {
  // Drafts' media stay unpublished; a scheduled piece's are there for the moment it goes live.
  const { articles, authors } = await getContent();
  const folders = await Promise.all(
    articles
      .filter((article) => !article.draft)
      .map(async ({ slug }) => {
        const files = await readdir(path.join(contentDirectory(), mediaFolder(slug))).catch(
          () => [] as string[],
        );
        return files.flatMap((file) => {
          const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
          return type ? [{ slug, file, type }] : [];
        });
      }),
  );
  // Authors' photos: only the files an author names (their folder holds the authors' files).
  const photos = [...authors.values()].flatMap(({ photo }) => {
    const file = photo?.src.split("/").pop();
    const type = file && IMAGE_TYPES[path.extname(file).toLowerCase()];
    return file && type ? [{ slug: AUTHOR_MEDIA, file, type }] : [];
  });
  return [...folders.flat(), ...photos];
}

export function readMedia(slug: string, file: string): Promise<Buffer> {
  return readFile(path.join(contentDirectory(), mediaFolder(slug), file));
}

/** The variants (`828.avif`) made of each raster figure, worked out once per process. */
export function listVariants(): Promise<{ slug: string; file: string; variant: string }[]> {
  variants ??= readVariants();
  return variants;
}

async function readVariants(): Promise<{ slug: string; file: string; variant: string }[]> {
  const raster = (await listMedia()).filter((media) => media.type !== "image/svg+xml");
  const variants = await Promise.all(
    raster.map(async ({ slug, file }) => {
      const { width = 0 } = await sharp(await readMedia(slug, file)).metadata();
      return variantWidths(width, widthsFor(slug)).flatMap((variantWidth) =>
        (Object.keys(VARIANT_FORMATS) as VariantFormat[]).map((format) => ({
          slug,
          file,
          variant: `${variantWidth}.${format}`,
        })),
      );
    }),
  );
  return variants.flat();
}
