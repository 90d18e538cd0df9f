import Link from "next/link";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SITE } from "@/lib/site";

export const metadata = { title: "Page not found", robots: { index: false } };

/**
 * A 404 outside the public pages' layout. Kept small on purpose: this boundary travels in
 * every page's payload, so it names the site and leads home rather than repeating the
 * whole header and footer.
 */
export default function NotFound() {
  return (
    <>
      <header className="border-b border-rule">
        <p className="mx-auto max-w-5xl px-5 py-4">
          <Link href="/" prefetch={false} className="font-serif text-2xl font-bold tracking-tight">
            {SITE.name}
          </Link>
        </p>
      </header>
      <main id="main" className="flex-1">
        <NotFoundMessage />
      </main>
    </>
  );
}
