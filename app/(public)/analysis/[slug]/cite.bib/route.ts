import { bibtex } from "@/lib/content/citation";
import { citationRoute } from "@/lib/seo/citation-route";

export const dynamic = "force-static";
export const dynamicParams = false;

const route = citationRoute("bib", "application/x-bibtex", bibtex);
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
