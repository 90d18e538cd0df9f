import { ris } from "@/lib/content/citation";
import { citationRoute } from "@/lib/seo/citation-route";

export const dynamic = "force-static";
export const dynamicParams = false;

const route = citationRoute("ris", "application/x-research-info-systems", ris);
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
