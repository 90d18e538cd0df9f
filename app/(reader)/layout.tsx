import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";
import { getViewerForPage } from "@/lib/auth/viewer";

/**
 * Pages about the reader (sign-in, account, moderation, links from mail), rendered per
 * request. Their footer links to the newsletter rather than carrying its form: each page
 * has one form with an "Email" field at most.
 */
export default async function ReaderLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewerForPage();
  return (
    <SiteChrome readerName={viewer?.name ?? null} isModerator={viewer?.isModerator} signup={null}>
      {children}
    </SiteChrome>
  );
}
