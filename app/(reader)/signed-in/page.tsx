// The home page for a signed-in reader: the same page, rendered per request.
export { default, metadata } from "@/app/(site)/page";
export const dynamic = "force-dynamic";
