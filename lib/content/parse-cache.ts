import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { MEDIA_FOLDER } from "./figures";
import type { ParsedBody } from "./markdown";

/**
 * Parsed bodies, kept on disk by the build that made them (in its dist folder, which the next
 * build empties): a server starts from what the build parsed instead of parsing every piece
 * again, in each of its module graphs. Turning Markdown into HTML costs about 15 ms for a
 * 2,000-word piece; reading it back, well under one. A body is found again only when its
 * source, its first line and its media folder (names, sizes and times of its files) are
 * what they were.
 */
async function mediaFingerprint(contentDirectory: string, slug: string): Promise<string> {
  const folder = path.join(contentDirectory, MEDIA_FOLDER, slug);
  const names = await readdir(folder).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.sort().map(async (name) => {
      const info = await stat(path.join(folder, name));
      return `${name}:${info.size}:${info.mtimeMs}`;
    }),
  );
  return entries.join("|");
}

export async function cachedParse(
  cacheDirectory: string | undefined,
  input: { contentDirectory: string; slug: string; body: string; firstLine: number },
  parse: () => Promise<ParsedBody>,
): Promise<ParsedBody> {
  if (!cacheDirectory) return parse();
  const key = createHash("sha256")
    .update(input.slug)
    .update("\0")
    .update(String(input.firstLine))
    .update("\0")
    .update(await mediaFingerprint(input.contentDirectory, input.slug))
    .update("\0")
    .update(input.body)
    .digest("hex");
  const file = path.join(cacheDirectory, `${key}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as ParsedBody;
  } catch {
    // Not parsed yet (or unreadable): parse, and keep it for the next process.
  }
  const parsed = await parse();
  try {
    await mkdir(cacheDirectory, { recursive: true });
    // Written whole, then renamed: a process reading at the same time never sees half of it.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, JSON.stringify(parsed));
    await rename(partial, file);
  } catch (error) {
    console.warn(`[content] could not keep a parsed body in ${cacheDirectory}:`, error);
  }
  return parsed;
}
