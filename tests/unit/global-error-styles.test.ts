import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientReferenceManifests } from "../../scripts/lib/client-manifests.mjs";
import { dropGlobalErrorStyles } from "../../scripts/lib/global-error-styles.mjs";

const GLOBAL_ERROR = "[project]/node_modules/next/dist/client/components/builtin/global-error";
const CSS = [{ path: "static/chunks/site.css", inlined: true, content: "body{margin:0}" }];

function manifestFile(dir: string, page: string, entryCSSFiles: Record<string, unknown[]>) {
  const file = path.join(
    dir,
    "server/app",
    page.replace(/^\//, "") + "_client-reference-manifest.js",
  );
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    "globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n" +
      `globalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify({
        clientModules: { a: { id: 1 } },
        entryCSSFiles,
      })};\n`,
  );
  return file;
}

/** What a manifest file sets, read as the build's steps read it. */
function read(dir: string, file: string) {
  return clientReferenceManifests(dir).find((found) => found.file === file)!.manifests;
}

describe("scripts/lib/global-error-styles.mjs, between compile and prerendering", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ledger-global-error-"));
    vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("takes the stylesheet off the built-in global error only, and keeps the rest of the manifest", () => {
    const page = manifestFile(dir, "/analysis/[slug]/page", {
      "[project]/app/layout": CSS,
      [GLOBAL_ERROR]: CSS,
      "[project]/app/global-not-found": CSS,
    });
    const handler = manifestFile(dir, "/feed.xml/route", {});
    const before = readFileSync(handler, "utf8");

    expect(dropGlobalErrorStyles(dir)).toBe(1);

    const manifest = read(dir, page)["/analysis/[slug]/page"]!;
    expect(manifest.entryCSSFiles).toEqual({
      "[project]/app/layout": CSS,
      [GLOBAL_ERROR]: [],
      "[project]/app/global-not-found": CSS,
    });
    expect(manifest).toMatchObject({ clientModules: { a: { id: 1 } } });
    expect(readFileSync(handler, "utf8")).toBe(before);
    // Run again (or on a Next.js that no longer lists them): nothing to drop.
    expect(dropGlobalErrorStyles(dir)).toBe(0);
  });

  it("fails the build on a manifest it cannot read, rather than leave it half written", () => {
    const file = manifestFile(dir, "/page", {});
    writeFileSync(file, "globalThis.somethingElse = {};\n");
    expect(() => dropGlobalErrorStyles(dir)).toThrow(/__RSC_MANIFEST/);
  });
});
