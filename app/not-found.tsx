import Link from "next/link";
import { SITE } from "@/lib/site";

export const metadata = { title: "Page not found", robots: { index: false } };

/**
 * Kept small on purpose: this page's content travels inside every page's payload (it is the
 * root layout's not-found boundary), so it names the site and leads home rather than
 * repeating the whole header and footer.
 */
export default function NotFound() {
  return (
    <>
      <header className="border-b border-rule">
        <p className="mx-auto max-w-5xl px-5 py-4">
          <Link href="/" className="font-serif text-2xl font-bold tracking-tight">
            {SITE.name}
          </Link>
        </p>
      </header>
      <main id="main" className="mx-auto max-w-2xl flex-1 px-5 py-20 text-center">
        <p className="font-sans text-sm font-semibold tracking-widest text-accent uppercase">404</p>
        <h1 className="mt-3 font-serif text-4xl font-bold">Page not found</h1>
        <p className="mt-4 font-serif text-lg text-muted">
          There is no page at this address. It may have moved, or the link may be mistyped.
        </p>
        <p className="mt-8 font-sans">
          <Link href="/" className="text-accent underline">
            Read the latest analysis
          </Link>
        </p>
      </main>
    </>
  );
}
