import type { ReactNode } from "react";
import { ThemeScript } from "@/components/theme/theme-script";
import { SITE } from "@/lib/site";
import { sourceSerif } from "./fonts";

/**
 * The HTML document every page is rendered in: the root layout's and the 404 page's (which
 * Next.js renders without the root layout). Its language, the serif, the theme applied
 * before first paint, and the skip link.
 */
export function SiteDocument({ children }: { children: ReactNode }) {
  return (
    <html lang={SITE.language} className={sourceSerif.variable} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-screen flex-col bg-paper font-sans text-ink antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-10 focus:bg-paper focus:p-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
