// A topic page for a signed-in reader: the same page, rendered per request.
export { default, generateMetadata } from "@/app/(site)/topics/[topic]/page";
export const dynamic = "force-dynamic";
