import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { CONTENT_DIRECTORY, getAllArticles } from "@/lib/content";
import { IMAGE_TYPES, MEDIA_FOLDER } from "@/lib/content/figures";

/**
 * An article's figure files, as they are (content/media/<slug>/<file>), made at build time:
 * what the image optimiser reads, and what "open the full-size image" opens. Only files of
 * the image kinds figures take, in the folder of an article that exists.
 */
export const dynamic = "force-static";
export const dynamicParams = false;

export async function generateStaticParams() {
  const articles = await getAllArticles();
  const params = await Promise.all(
    articles.map(async ({ slug }) => {
      const files = await readdir(path.join(CONTENT_DIRECTORY, MEDIA_FOLDER, slug)).catch(() => []);
      return files
        .filter((file) => IMAGE_TYPES[path.extname(file).toLowerCase()])
        .map((file) => ({ slug, file }));
    }),
  );
  return params.flat();
}

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string; file: string }> },
) {
  const { slug, file } = await params;
  const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
  if (!type || file.includes("/") || file.startsWith(".")) {
    return new Response("There is no such file.", { status: 404 });
  }
  const body = await readFile(path.join(CONTENT_DIRECTORY, MEDIA_FOLDER, slug, file));
  return new Response(body, { headers: { "Content-Type": type } });
}
