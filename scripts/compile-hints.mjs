#!/usr/bin/env node
/**
 * Runs after `next build` (npm run build): marks the chunks a page loads as it starts, the
 * framework's and each route's entry chunks, with V8's explicit compile hint (Chrome 136 and
 * later). Without it, V8 compiles each module factory lazily, on the main thread, the first
 * time the page calls it: about 60 ms of the flagship's first view here, inside its longest
 * task. With it, V8 compiles them while the script streams in, off the main thread. Other
 * browsers read the line as a comment. Chunks loaded on demand are left lazy, since much of
 * what they hold may never run.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

const HINT = "//# allFunctionsCalledOnLoad\n";
const distDir = path.resolve(process.argv[2] ?? (process.env.NEXT_DIST_DIR || ".next"));

/** The framework's chunks, which every page loads. */
function rootChunks() {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const files = manifest.rootMainFiles ?? [];
  if (files.length === 0) throw new Error(`${distDir}/build-manifest.json lists no rootMainFiles`);
  return files;
}

/** Each route's entry chunks, from the client reference manifests `next build` writes. */
function routeEntryChunks() {
  const appDir = path.join(distDir, "server/app");
  const manifests = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith("_client-reference-manifest.js"),
  );
  return manifests.flatMap((file) => {
    const sandbox = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(readFileSync(path.join(appDir, file), "utf8"), sandbox);
    return Object.values(sandbox.__RSC_MANIFEST ?? {}).flatMap((manifest) =>
      Object.values(manifest.entryJSFiles ?? {}).flat(),
    );
  });
}

const files = [...new Set([...rootChunks(), ...routeEntryChunks()])];
for (const file of files) {
  const chunk = path.join(distDir, file);
  const source = readFileSync(chunk, "utf8");
  // Idempotent: running it twice on one build changes nothing.
  if (!source.startsWith(HINT)) writeFileSync(chunk, HINT + source);
}
console.log(`Compile hints: ${files.length} chunks that pages load as they start`);
