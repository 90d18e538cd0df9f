import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadArticles } from "@/lib/content/load";
import { articleSource, contentDir } from "../support/content-dir";

async function cacheFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "ledger-cache-"));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

describe("parsed bodies kept by the build", () => {
  it("gives the same articles from the cache as from parsing, and parses a changed body again", async () => {
    const content = await contentDir({
      "a.md": articleSource({}, "## A heading\n\nA paragraph with a [link](https://example.org)."),
    });
    const cacheDirectory = await cacheFolder();
    const parsed = await loadArticles(content);
    const first = await loadArticles(content, { timeZone: "UTC", cacheDirectory });
    expect(await readdir(cacheDirectory)).toHaveLength(1);
    const second = await loadArticles(content, { timeZone: "UTC", cacheDirectory });
    expect(first).toEqual(parsed);
    expect(second).toEqual(parsed);

    await writeFile(path.join(content, "a.md"), articleSource({}, "Another body."));
    const changed = await loadArticles(content, { timeZone: "UTC", cacheDirectory });
    expect(JSON.stringify(changed[0]?.body)).toContain("Another body.");
    expect(await readdir(cacheDirectory)).toHaveLength(2);
  });

  it("parses again when a file in the piece's media folder changes", async () => {
    const content = await contentDir({
      "a.md": articleSource({}, "A paragraph."),
      "media/a/notes.txt": "one",
    });
    const cacheDirectory = await cacheFolder();
    await loadArticles(content, { timeZone: "UTC", cacheDirectory });
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(content, "media/a/notes.txt"), later, later);
    await loadArticles(content, { timeZone: "UTC", cacheDirectory });
    expect(await readdir(cacheDirectory)).toHaveLength(2);
  });
});
