import type { Article } from "@/lib/content";
import { apa, chicago } from "@/lib/content/citation";
import { citationSource } from "@/lib/seo/citation";
import { articlePath } from "@/lib/site";
import { CopyButton } from "./copy-button";

/**
 * "Cite this analysis": the reference in Chicago and APA style, each with a copy button
 * (JavaScript on), and BibTeX and RIS files for reference managers. A disclosure, so it
 * works without JavaScript; printed, it shows the Chicago reference.
 */
export function CiteBox({ article }: { article: Article }) {
  const source = citationSource(article);
  const chicagoText = chicago(source);
  const apaParts = apa(source);
  const path = articlePath(article.slug);
  return (
    <details className="cite-box mt-10 rounded border border-rule px-4 py-3 font-sans text-sm">
      <summary className="cursor-pointer font-semibold">
        Cite this {article.kind === "op-ed" ? "op-ed" : "analysis"}
      </summary>
      <div className="mt-3 space-y-4">
        <figure>
          <figcaption className="font-semibold">Chicago</figcaption>
          <p id="cite-chicago" className="mt-1 font-serif text-base break-words">
            {chicagoText}
          </p>
          <p className="no-print mt-2">
            <CopyButton source="cite-chicago" label="Copy the Chicago reference" />
          </p>
        </figure>
        <figure className="no-print">
          <figcaption className="font-semibold">APA</figcaption>
          <p id="cite-apa" className="mt-1 font-serif text-base break-words">
            {apaParts.before}
            <i>{apaParts.title}</i>
            {apaParts.after}
          </p>
          <p className="mt-2">
            <CopyButton source="cite-apa" label="Copy the APA reference" />
          </p>
        </figure>
        <p className="no-print flex flex-wrap gap-4">
          <a href={`${path}/cite.bib`} download className="text-accent underline">
            Download BibTeX
          </a>
          <a href={`${path}/cite.ris`} download className="text-accent underline">
            Download RIS
          </a>
        </p>
      </div>
    </details>
  );
}
