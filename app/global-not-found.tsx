import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SiteChrome } from "@/components/site/site-chrome";
import { SITE } from "@/lib/site";
import { SiteDocument } from "./document";
import "./globals.css";

export const metadata: Metadata = {
  title: `Page not found | ${SITE.name}`,
  robots: { index: false },
};

/**
 * Every 404: an address that matches no page, and one whose article, topic or page number
 * does not exist (lib/http/front-door.ts sends those here). A page of its own, in the site's
 * frame, rendered into the HTML: it works without JavaScript and keeps the reader's theme.
 * Next.js's notFound() would render an empty document in production instead (its
 * not-found boundary only runs in the browser), so no page calls it.
 */
export default function GlobalNotFound() {
  return (
    <SiteDocument>
      <SiteChrome readerName={null} signup={null}>
        <NotFoundMessage />
      </SiteChrome>
    </SiteDocument>
  );
}
