import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

/**
 * Writes articles (file name → source) and their media into a fresh folder named "content", removed when
 * the test that asked for it ends.
 */
export async function contentDir(files: Record<string, string | Buffer>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "ledger-"));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  const directory = path.join(folder, "content");
  await mkdir(directory);
  await Promise.all(
    Object.entries(files).map(async ([name, source]) => {
      // A name with a folder ("media/a/map.png") gets its folder.
      await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
      await writeFile(path.join(directory, name), source);
    }),
  );
  return directory;
}

export function articleSource(
  frontmatter: Record<string, unknown>,
  body = "A paragraph of text.",
): string {
  const defaults = {
    title: "A title",
    dek: "A one-line summary.",
    kind: "analysis",
    author: "A. Writer",
    published: "2026-01-10",
    topics: ["Europe"],
  };
  const yaml = Object.entries({ ...defaults, ...frontmatter })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}
