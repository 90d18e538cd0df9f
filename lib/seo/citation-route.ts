import "server-only";
import { getAllArticles, getArticle } from "@/lib/content";
import type { CitationSource } from "@/lib/content/citation";
import { citationSource } from "./citation";

/** How many of the newest pieces get their files (citations, social image) at build time. */
export const PRERENDERED_FILES = 30;

/**
 * A citation file of every article: `/analysis/<slug>/cite.bib` and `cite.ris`, downloaded
 * under the article's slug. The newest are made at build time, the rest on first request,
 * so that the build does not grow with the archive.
 */
export function citationRoute(
  extension: "bib" | "ris",
  contentType: string,
  render: (source: CitationSource) => string,
) {
  return {
    async generateStaticParams() {
      return (await getAllArticles())
        .slice(0, PRERENDERED_FILES)
        .map((article) => ({ slug: article.slug }));
    },
    async GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
      const article = await getArticle((await params).slug);
      if (!article) return new Response("There is no such article.", { status: 404 });
      return new Response(render(citationSource(article)), {
        headers: {
          "Content-Type": `${contentType}; charset=utf-8`,
          "Content-Disposition": `attachment; filename="${article.slug}.${extension}"`,
        },
      });
    },
  };
}
