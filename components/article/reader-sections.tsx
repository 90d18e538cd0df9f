/**
 * The place the article's closing call points to for the newsletter. It says plainly what is
 * coming rather than showing a form that does nothing.
 */
export function NewsletterSection() {
  return (
    <section
      id="newsletter"
      aria-labelledby="newsletter-heading"
      className="no-print mt-10 rounded-lg bg-panel p-6"
    >
      <h2 id="newsletter-heading" className="font-serif text-2xl font-bold">
        Newsletter
      </h2>
      <p className="mt-3 text-muted">
        Our newsletter is launching soon: new analyses and deep dives into global security,
        delivered by email. Until then, follow us through the{" "}
        <a href="/feed.xml" className="text-accent underline">
          RSS feed
        </a>
        .
      </p>
    </section>
  );
}
