import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Writes articles (file name → source) into a fresh folder named "content". */
export async function contentDir(files: Record<string, string>): Promise<string> {
  const directory = path.join(await mkdtemp(path.join(tmpdir(), "ledger-")), "content");
  await mkdir(directory);
  await Promise.all(
    Object.entries(files).map(([name, source]) => writeFile(path.join(directory, name), source)),
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
