import { ris } from "@/lib/content/citation";
import { citationRoute } from "@/lib/seo/citation-route";

export const dynamic = "force-static";
// A piece, topic or author that appears later (a scheduled piece going live) gets its file
// on first request; an address of one that does not exist never gets here (lib/content/routes.ts).
export const dynamicParams = true;

const route = citationRoute("ris", "application/x-research-info-systems", ris);
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
