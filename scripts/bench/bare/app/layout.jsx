/**
 * The bare Next.js page the reading-speed figures are compared with: one paragraph, no CSS,
 * fonts or client components, built with the project's own next and react (scripts/bench/reading.mjs).
 * What a page of the site takes beyond this one is the site's own.
 */
export const metadata = {
  title: "A bare Next.js page",
  description: "One paragraph, built with the same next and react as the site, for the benchmark.",
};

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
