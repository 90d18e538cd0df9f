import Link from "next/link";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { SITE } from "@/lib/site";

export function SiteHeader() {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-5 py-4">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight">
          {SITE.name}
        </Link>
        <nav
          aria-label="Main"
          className="no-print flex flex-wrap items-center gap-x-5 gap-y-2 font-sans text-sm"
        >
          <Link href="/" className="hover:text-accent">
            Latest
          </Link>
          <Link href="/topics" className="hover:text-accent">
            Topics
          </Link>
          <a href="/feed.xml" className="hover:text-accent">
            RSS
          </a>
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
