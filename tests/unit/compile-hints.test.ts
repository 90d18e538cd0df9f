import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const HINT = "//# allFunctionsCalledOnLoad\n";
const CHUNK = "(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([1,()=>{}]);\n";

/** A build folder with the two manifests the script reads, and four chunks. */
function fakeBuild(dir: string) {
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  mkdirSync(path.join(dir, "server/app/analysis/[slug]"), { recursive: true });
  for (const name of ["framework", "runtime", "article", "on-demand"])
    writeFileSync(path.join(dir, `static/chunks/${name}.js`), CHUNK);
  writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({ rootMainFiles: ["static/chunks/framework.js", "static/chunks/runtime.js"] }),
  );
  writeFileSync(
    path.join(dir, "server/app/analysis/[slug]/page_client-reference-manifest.js"),
    "globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n" +
      `globalThis.__RSC_MANIFEST["/analysis/[slug]/page"] = ${JSON.stringify({
        entryJSFiles: { "[project]/app/layout": ["static/chunks/article.js"] },
      })};\n`,
  );
}

const read = (dir: string, name: string) =>
  readFileSync(path.join(dir, `static/chunks/${name}.js`), "utf8");

function compileHints(dir: string) {
  execFileSync("node", ["scripts/compile-hints.mjs", dir], { stdio: "pipe" });
}

describe("scripts/compile-hints.mjs, after next build", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "ledger-compile-hints-"));
    fakeBuild(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("marks the framework's chunks and each route's entry chunks, once, and leaves the rest lazy", () => {
    compileHints(dir);
    compileHints(dir);
    for (const name of ["framework", "runtime", "article"])
      expect(read(dir, name)).toBe(HINT + CHUNK);
    expect(read(dir, "on-demand")).toBe(CHUNK);
  });

  it("fails the build when the build manifest lists no framework chunks", () => {
    writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: [] }));
    expect(() => compileHints(dir)).toThrow(/rootMainFiles/);
  });
});
