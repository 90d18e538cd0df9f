import type { ReactNode } from "react";
import { SiteChrome } from "@/components/site/site-chrome";

/**
 * The public pages, prerendered for anonymous readers. A request carrying a session
 * cookie never reaches them: next.config.mjs rewrites it to the same page under
 * app/(reader)/signed-in, rendered for that reader.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <SiteChrome readerName={null}>{children}</SiteChrome>;
}
