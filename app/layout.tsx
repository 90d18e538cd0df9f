import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getConfig } from "@/lib/config";
import { SITE } from "@/lib/site";
import { SiteDocument } from "./document";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getConfig().siteUrl),
    title: { default: `${SITE.name}: ${SITE.tagline}`, template: `%s | ${SITE.name}` },
    description: SITE.description,
    applicationName: SITE.name,
    // Listing icons here replaces the file-based app/icon.svg link, so both are named.
    icons: { icon: { url: "/icon.svg", type: "image/svg+xml" }, apple: "/apple-touch-icon.png" },
    alternates: {
      types: { "application/rss+xml": [{ url: "/feed.xml", title: SITE.name }] },
    },
    openGraph: {
      type: "website",
      siteName: SITE.name,
      locale: SITE.locale,
      title: SITE.name,
      description: SITE.description,
    },
    twitter: { card: "summary_large_image", title: SITE.name, description: SITE.description },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#141414" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return <SiteDocument>{children}</SiteDocument>;
}
