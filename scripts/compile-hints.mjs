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
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clientReferenceManifests } from "./lib/client-manifests.mjs";

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
  return clientReferenceManifests(distDir).flatMap(({ manifests }) =>
    Object.values(manifests).flatMap((manifest) =>
      Object.values(manifest.entryJSFiles ?? {}).flat(),
    ),
  );
}

const files = [...new Set([...rootChunks(), ...routeEntryChunks()])];
for (const file of files) {
  const chunk = path.join(distDir, file);
  const source = readFileSync(chunk, "utf8");
  // Idempotent: running it twice on one build changes nothing.
  if (!source.startsWith(HINT)) writeFileSync(chunk, HINT + source);
}
console.log(`Compile hints: ${files.length} chunks that pages load as they start`);
