import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";

/**
 * The public pages as anonymous readers get them, cached. A request carrying a session
 * cookie never reaches them: proxy.ts rewrites it to the same page under app/(member).
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <SiteChrome readerName={null} signup={{}}>
      {children}
    </SiteChrome>
  );
}
