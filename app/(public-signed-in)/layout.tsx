import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";
import { getViewerForPage } from "@/lib/auth/viewer";

/**
 * The public pages for a signed-in reader (proxy.ts rewrites their requests here), rendered
 * per request: their name in the header, and in the footer the newsletter form, one press
 * for an address the sign-in verified.
 */
export default async function PublicSignedInLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewerForPage();
  return (
    <SiteChrome
      readerName={viewer?.name ?? null}
      isModerator={viewer?.isModerator}
      signup={{ email: viewer?.emailVerified ? viewer.email : undefined }}
    >
      {children}
    </SiteChrome>
  );
}
