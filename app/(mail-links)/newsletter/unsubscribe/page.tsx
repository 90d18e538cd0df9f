import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { UnsubscribeForm } from "@/components/newsletter/link-forms";
import { firstParam, type SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false },
  referrer: "same-origin",
};

/**
 * Where a newsletter's unsubscribe link leads. Opening it changes nothing (a link scanner
 * unsubscribes nobody); the button does, at once, with no sign-in.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return (
    <AuthPage title="Unsubscribe">
      <Lead>Stop receiving The Strategic Ledger&apos;s newsletter at this address.</Lead>
      <UnsubscribeForm subscriber={firstParam(params.s) ?? ""} token={firstParam(params.t) ?? ""} />
      <p className="mt-8 font-sans text-sm text-muted">
        Changed your mind later?{" "}
        <Link href="/newsletter" prefetch={false} className="text-accent underline">
          Sign up again
        </Link>
        .
      </p>
    </AuthPage>
  );
}
