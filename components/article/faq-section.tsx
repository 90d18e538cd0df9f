import type { Faq } from "@/lib/content";

/** Native disclosures: they open with a keyboard, a screen reader, and JavaScript off. */
export function FaqSection({ faq }: { faq: Faq }) {
  return (
    <section id="faq" aria-labelledby="faq-heading" className="not-first:mt-10">
      <h2 id="faq-heading">{faq.title}</h2>
      <div className="mt-4 divide-y divide-rule border-y border-rule">
        {faq.items.map((item) => (
          <details key={item.anchor} id={item.anchor} className="group py-3">
            <summary className="flex cursor-pointer list-none items-start gap-3 font-semibold marker:hidden [&::-webkit-details-marker]:hidden">
              <span
                aria-hidden="true"
                className="mt-1 font-sans text-sm text-accent transition-transform group-open:rotate-90"
              >
                ▶
              </span>
              <span id={`${item.anchor}-question`} className="flex-1">
                Q: {item.question}
              </span>
            </summary>
            <div className="mt-2 pl-7">
              <p>A: {item.answer}</p>
              <p className="no-print mt-1 font-sans text-sm">
                <a
                  href={`#${item.anchor}`}
                  aria-describedby={`${item.anchor}-question`}
                  className="inline-block py-1 text-muted"
                >
                  Link to this question
                </a>
              </p>
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}
