import { SITE } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-5 py-8 font-sans text-sm text-muted sm:flex-row sm:justify-between">
        <p>
          {SITE.name}: {SITE.tagline.toLowerCase()}.
        </p>
        <p className="no-print flex gap-4">
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
