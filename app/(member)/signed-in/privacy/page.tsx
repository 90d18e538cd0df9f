// The privacy note for a signed-in reader: the same page, rendered per request.
export { default, metadata } from "@/app/(site)/privacy/page";
export const dynamic = "force-dynamic";
