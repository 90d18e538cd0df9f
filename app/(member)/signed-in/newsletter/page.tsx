// The newsletter page for a signed-in reader: the same page, rendered per request.
export { default, metadata } from "@/app/(site)/newsletter/page";
export const dynamic = "force-dynamic";
