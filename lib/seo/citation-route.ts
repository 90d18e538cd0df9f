import "server-only";
import { getAllArticles, getArticle } from "@/lib/content";
import type { CitationSource } from "@/lib/content/citation";
import { citationSource } from "./citation";

/**
 * A citation file of every article, made at build time: `/analysis/<slug>/cite.bib` and
 * `cite.ris`, downloaded under the article's slug.
 */
export function citationRoute(
  extension: "bib" | "ris",
  contentType: string,
  render: (source: CitationSource) => string,
) {
  return {
    async generateStaticParams() {
      return (await getAllArticles()).map((article) => ({ slug: article.slug }));
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
