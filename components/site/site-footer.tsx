import Link from "next/link";
import { SignupForm } from "@/components/newsletter/signup-form";
import { SITE } from "@/lib/site";

/**
 * The footer, with the site's newsletter form on the public pages: it follows every article
 * (the closing call's "newsletter" link leads to it, #newsletter).
 */
export function SiteFooter({ signup }: { signup: { email?: string } | null }) {
  return (
    <footer className="mt-16 border-t border-rule">
      {signup && (
        <section
          id="newsletter"
          aria-labelledby="newsletter-heading"
          className="no-print mx-auto max-w-2xl px-5 pt-10"
        >
          <h2 id="newsletter-heading" className="font-serif text-2xl font-bold">
            Newsletter
          </h2>
          <p className="mt-2 font-serif text-muted">
            New analyses and deep dives into global security, by email as they are published, about
            once a week. No tracking; unsubscribe with one click.{" "}
            <Link href="/privacy" prefetch={false} className="text-accent underline">
              Privacy
            </Link>
            .
          </p>
          <SignupForm email={signup.email} />
        </section>
      )}
      <div className="mx-auto mt-8 flex max-w-5xl flex-col gap-2 px-5 py-8 font-sans text-sm text-muted sm:flex-row sm:justify-between">
        <p>
          {SITE.name}: {SITE.tagline.toLowerCase()}.
        </p>
        <p className="no-print flex flex-wrap gap-x-4 gap-y-1">
          <Link href="/newsletter" prefetch={false} className="underline hover:text-accent">
            Newsletter
          </Link>
          <Link href="/authors" prefetch={false} className="underline hover:text-accent">
            Authors
          </Link>
          <Link href="/corrections" prefetch={false} className="underline hover:text-accent">
            Corrections
          </Link>
          <a href="/feed.xml" className="underline hover:text-accent">
            RSS feed
          </a>
          <a href="/sitemap.xml" className="underline hover:text-accent">
            Sitemap
          </a>
        </p>
      </div>
    </footer>
  );
}
