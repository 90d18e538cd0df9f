// An article for a signed-in reader: the same page, rendered per request.
export { default, generateMetadata } from "@/app/(site)/analysis/[slug]/page";
export const dynamic = "force-dynamic";
