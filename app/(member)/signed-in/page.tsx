import HomePage from "@/app/(site)/[[...home]]/page";

export { metadata } from "@/app/(site)/[[...home]]/page";
export const dynamic = "force-dynamic";

/** The home page for a signed-in reader: the same page, rendered per request. */
export default function SignedInHomePage() {
  return <HomePage params={Promise.resolve({})} />;
}
