import localFont from "next/font/local";

/**
 * One self-hosted face, the variable upright serif (51 KB), for reading text. Interface text
 * uses the system's own sans-serif; the rare italic is synthesised by the browser.
 *
 * "optional" and not preloaded: the serif is used where it is already there (the reader's
 * second page on, from the browser's cache, or a connection fast enough to bring it in the
 * first 100 ms); otherwise the page keeps the system's serif rather than repainting. Chrome
 * holds the first paint for a preloaded optional font, which on a slow phone network cost
 * the first screen the font's whole download (docs/performance.md).
 *
 * The family's name comes from this constant's: named `serif`, it was the quoted family
 * "serif", which Chrome confused with the generic one, so the fallback changed as the font
 * loaded and the page shifted (CLS 0.067). No size-adjusted local fallback either: the one
 * Next.js makes names Times New Roman, which Android and Linux lack.
 */
export const sourceSerif = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  style: "normal",
  variable: "--font-source-serif",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  fallback: ["Georgia", "Times New Roman", "serif"],
});
