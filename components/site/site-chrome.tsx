import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** Header, main landmark and footer around every page. */
export function SiteChrome({
  readerName,
  children,
}: {
  readerName: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader readerName={readerName} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
