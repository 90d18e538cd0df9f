import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";
import { getViewer } from "@/lib/auth/viewer";

/** Pages rendered per request, for whoever is signed in (or not). */
export default async function ReaderLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <SiteChrome readerName={viewer?.name ?? null} isModerator={viewer?.isModerator}>
      {children}
    </SiteChrome>
  );
}
