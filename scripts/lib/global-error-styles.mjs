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
import { clientReferenceManifests, writeClientReferenceManifest } from "./client-manifests.mjs";

const BUILT_IN_GLOBAL_ERROR = "/next/dist/client/components/builtin/global-error";

/** Drops the built-in global error's CSS from every manifest under distDir; says how many. */
export function dropGlobalErrorStyles(distDir) {
  const files = clientReferenceManifests(distDir);
  let changed = 0;
  for (const { file, manifests } of files) {
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
      writeClientReferenceManifest(file, manifests);
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
