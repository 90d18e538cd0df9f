/**
 * The client reference manifests `next build` writes, one file per route under server/app:
 * `globalThis.__RSC_MANIFEST[page] = {...}` lines, which say which chunks and stylesheets
 * each entry (layout, page, global error) needs. Read by the build's own steps after
 * compiling (scripts/compile-hints.mjs, scripts/lib/global-error-styles.mjs).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/** Every manifest file under distDir, with what it sets, by page. */
export function clientReferenceManifests(distDir) {
  const appDir = path.join(distDir, "server/app");
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("_client-reference-manifest.js"))
    .map((file) => {
      const sandbox = {};
      sandbox.globalThis = sandbox;
      const full = path.join(appDir, file);
      vm.runInNewContext(readFileSync(full, "utf8"), sandbox);
      if (!sandbox.__RSC_MANIFEST) throw new Error(`${full} sets no __RSC_MANIFEST`);
      return { file: full, manifests: sandbox.__RSC_MANIFEST };
    });
}

/** Writes a manifest file back in the shape Next.js wrote it. */
export function writeClientReferenceManifest(file, manifests) {
  const lines = ["globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};"];
  for (const [page, manifest] of Object.entries(manifests))
    lines.push(`globalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify(manifest)};`);
  writeFileSync(file, `${lines.join("\n")}\n`);
}
