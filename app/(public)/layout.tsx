import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";

/**
 * The public pages as anyone gets them, cached (lib/routes.ts lists them). A request with a
 * session cookie never reaches them: proxy.ts rewrites it to app/(public-signed-in).
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <SiteChrome readerName={null} signup={{}}>
      {children}
    </SiteChrome>
  );
}
