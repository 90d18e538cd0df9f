/** One client reference manifest file, with what it sets, by page. */
export interface ClientManifestFile {
  file: string;
  manifests: Record<
    string,
    { entryCSSFiles?: Record<string, unknown[]>; entryJSFiles?: Record<string, string[]> }
  >;
}

export function clientReferenceManifests(distDir: string): ClientManifestFile[];
export function writeClientReferenceManifest(
  file: string,
  manifests: ClientManifestFile["manifests"],
): void;
