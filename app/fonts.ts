import localFont from "next/font/local";

/**
 * One self-hosted face, the variable upright serif (51 KB, preloaded), for reading text.
 * Interface text uses the system's own sans-serif, so nothing else competes with the
 * article for bandwidth; the rare italic is synthesised by the browser. "optional": where
 * the font is not there by first paint (a slow first visit), the page keeps the fallback
 * rather than repainting, which would delay the largest paint and shift the text.
 */
export const serif = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  style: "normal",
  variable: "--font-source-serif",
  display: "optional",
  // The fallback face is sized to match this serif from a serif (the default, Arial, would
  // set a slow first visit's article in a sans-serif).
  adjustFontFallback: "Times New Roman",
  fallback: ["Georgia", "Times New Roman", "serif"],
});
