import Link from "next/link";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { MAX_QUERY_LENGTH } from "@/lib/search/limits";
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
  const account =
    readerName === null ? (
      <Link href="/signin" prefetch={false} className="font-semibold hover:text-accent">
        Sign in
      </Link>
    ) : (
      <Link
        href="/account"
        prefetch={false}
        className="max-w-[10rem] truncate font-semibold hover:text-accent sm:max-w-[12rem]"
      >
        {readerName}
      </Link>
    );
  // Two rows on a phone (the name and the account; the sections and the theme), one from
  // "sm" up. Every control keeps its visible name at 320 px.
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-5 gap-y-2 px-5 py-3 sm:gap-x-6 sm:py-4">
        <Link
          href="/"
          prefetch={false}
          className="mr-auto font-serif text-lg font-bold tracking-tight whitespace-nowrap sm:text-2xl"
        >
          {SITE.name}
        </Link>
        <div className="no-print font-sans text-sm sm:order-last">{account}</div>
        <nav
          aria-label="Main"
          className="no-print flex w-full flex-wrap items-center gap-x-3 gap-y-2 font-sans text-sm sm:w-auto sm:gap-x-5"
        >
          <Link href="/" prefetch={false} className="hover:text-accent">
            Latest
          </Link>
          <Link href="/topics" prefetch={false} className="hover:text-accent">
            Topics
          </Link>
          {/* The feed is in the footer too: on a phone, the header keeps room for search. */}
          <a href="/feed.xml" className="hidden hover:text-accent sm:inline">
            RSS
          </a>
          {/* A plain GET form: it works without JavaScript. On a phone the button alone leads
              to the search page and its box. */}
          <form action="/search" role="search" className="flex items-center gap-1.5">
            <input
              type="search"
              name="q"
              aria-label="Search"
              placeholder="Search"
              maxLength={MAX_QUERY_LENGTH}
              className="hidden w-36 rounded border border-rule bg-paper px-2 py-1 text-ink lg:block"
            />
            <button
              type="submit"
              className="flex min-h-6 min-w-6 cursor-pointer items-center justify-center gap-1 hover:text-accent"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                className="size-4 sm:hidden"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <circle cx="8.5" cy="8.5" r="5.5" />
                <path d="m13 13 5 5" strokeLinecap="round" />
              </svg>
              <span className="sr-only sm:not-sr-only">Search</span>
            </button>
          </form>
          {isModerator && (
            <Link href="/admin" prefetch={false} className="hover:text-accent">
              Moderation
            </Link>
          )}
          <span className="ml-auto sm:ml-0">
            <ThemeToggle />
          </span>
        </nav>
      </div>
    </header>
  );
}
