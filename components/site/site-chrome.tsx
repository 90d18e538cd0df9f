import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer around every page. */
export function SiteChrome({
  readerName,
  isModerator,
  signup,
  children,
}: {
  readerName: string | null;
  isModerator?: boolean;
  /** The footer's newsletter form (with a verified address to prefill), or null for none. */
  signup: { email?: string } | null;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader readerName={readerName} isModerator={isModerator} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter signup={signup} />
    </>
  );
}
