// The topics index for a signed-in reader: the same page, rendered per request.
export { default, metadata } from "@/app/(site)/topics/page";
export const dynamic = "force-dynamic";
