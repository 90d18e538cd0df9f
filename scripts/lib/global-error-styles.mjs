/**
 * Runs between `next build`'s compile and its prerendering (next.config.mjs,
 * `compiler.runAfterProductionCompile`): takes the stylesheet off Next.js's built-in global
 * error in each client reference manifest.
 *
 * Turbopack lists the CSS of a layout's chunk group under every entry below it, so the
 * built-in global error, which has no stylesheet of its own (it styles itself inline), is
 * listed with the whole site stylesheet. Next.js renders those styles into every page's
 * React payload (the "G" entry), and with `experimental.inlineCss` that is the full text of
 * the stylesheet once more on every page: three copies in each document where two are
 * needed (the `<style>` and the payload React hydrates it from). Reported upstream as
 * vercel/next.js#98110, with fixes proposed (#98243 skips the built-in global error's
 * styles, as this does); once Next.js ships one, this finds nothing to drop and says so.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

const BUILT_IN_GLOBAL_ERROR = "/next/dist/client/components/builtin/global-error";

/** Reads one manifest file: `globalThis.__RSC_MANIFEST[page] = {...}` lines. */
function readManifests(file) {
  const sandbox = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  if (!sandbox.__RSC_MANIFEST) throw new Error(`${file} sets no __RSC_MANIFEST`);
  return sandbox.__RSC_MANIFEST;
}

function writeManifests(file, manifests) {
  const lines = ["globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};"];
  for (const [page, manifest] of Object.entries(manifests))
    lines.push(`globalThis.__RSC_MANIFEST[${JSON.stringify(page)}] = ${JSON.stringify(manifest)};`);
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Drops the built-in global error's CSS from every manifest under distDir; says how many. */
export function dropGlobalErrorStyles(distDir) {
  const appDir = path.join(distDir, "server/app");
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("_client-reference-manifest.js"))
    .map((file) => path.join(appDir, file));
  let changed = 0;
  for (const file of files) {
    const manifests = readManifests(file);
    let dropped = false;
    for (const manifest of Object.values(manifests)) {
      for (const [entry, styles] of Object.entries(manifest.entryCSSFiles ?? {})) {
        if (entry.endsWith(BUILT_IN_GLOBAL_ERROR) && styles.length > 0) {
          manifest.entryCSSFiles[entry] = [];
          dropped = true;
        }
      }
    }
    if (dropped) {
      writeManifests(file, manifests);
      changed += 1;
    }
  }
  console.log(
    changed
      ? `Global error styles: dropped from ${changed} of ${files.length} client reference manifests`
      : `Global error styles: none listed in ${files.length} client reference manifests, nothing to drop`,
  );
  return changed;
}
