import type { ReactNode } from "react";
import { getViewerForPage } from "@/lib/auth/viewer";
import { SiteChrome } from "./site-chrome";

/**
 * The site's frame on pages rendered per request (sign-in, account, moderation, mail
 * links): the reader's name in the header, and a footer that links to the newsletter rather
 * than carrying its form, so that each page has one form with an "Email" field at most.
 */
export async function PerRequestChrome({ children }: { children: ReactNode }) {
  const viewer = await getViewerForPage();
  return (
    <SiteChrome readerName={viewer?.name ?? null} isModerator={viewer?.isModerator} signup={null}>
      {children}
    </SiteChrome>
  );
}
