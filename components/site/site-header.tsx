import Link from "next/link";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { SITE } from "@/lib/site";

/**
 * The banner. Anonymous pages are prerendered with the "Sign in" link; pages for a
 * signed-in reader are rendered per request with their name, linking to their account.
 * Neither needs client code.
 */
export function SiteHeader({
  readerName,
  isModerator = false,
}: {
  readerName: string | null;
  isModerator?: boolean;
}) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-5 py-4">
        <Link href="/" prefetch={false} className="font-serif text-2xl font-bold tracking-tight">
          {SITE.name}
        </Link>
        <nav
          aria-label="Main"
          className="no-print flex flex-wrap items-center gap-x-5 gap-y-2 font-sans text-sm"
        >
          <Link href="/" prefetch={false} className="hover:text-accent">
            Latest
          </Link>
          <Link href="/topics" prefetch={false} className="hover:text-accent">
            Topics
          </Link>
          <a href="/feed.xml" className="hover:text-accent">
            RSS
          </a>
          {isModerator && (
            <Link href="/admin" prefetch={false} className="hover:text-accent">
              Moderation
            </Link>
          )}
          {readerName === null ? (
            <Link href="/signin" prefetch={false} className="font-semibold hover:text-accent">
              Sign in
            </Link>
          ) : (
            <Link
              href="/account"
              prefetch={false}
              className="max-w-[12rem] truncate font-semibold hover:text-accent"
            >
              {readerName}
            </Link>
          )}
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
