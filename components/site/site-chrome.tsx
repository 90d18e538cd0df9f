import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer around every page. */
export function SiteChrome({
  readerName,
  isModerator,
  children,
}: {
  readerName: string | null;
  isModerator?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader readerName={readerName} isModerator={isModerator} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
