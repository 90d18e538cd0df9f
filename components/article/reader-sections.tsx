/**
 * The places the article's closing call points to ("comments below", "newsletter"). They
 * say plainly what is coming rather than showing forms that do nothing.
 */
export function CommentsSection() {
  return (
    <section
      id="comments"
      aria-labelledby="comments-heading"
      className="no-print mt-14 border-t border-rule pt-8"
    >
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        Comments
      </h2>
      <p className="mt-3 text-muted">
        Comments are opening soon: signed-in readers will be able to discuss each analysis here.
      </p>
    </section>
  );
}

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
