import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { LinkButtonForm } from "@/components/forms/link-button-form";
import { getDb } from "@/lib/db/client";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { unsubscribeAction } from "@/lib/newsletter/actions";
import { subscriberStatusById } from "@/lib/newsletter/subscribers";
import { isUnsubscribeToken } from "@/lib/newsletter/tokens";

export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false },
  referrer: "same-origin",
};

const signUpAgain = (
  <Link href="/newsletter" prefetch={false} className="text-accent underline">
    Sign up again
  </Link>
);

/**
 * Where a newsletter's unsubscribe link leads. Opening it changes nothing (a link scanner
 * unsubscribes nobody); the button does, at once, with no sign-in. A link used already says
 * so, and offers to subscribe again.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const subscriber = firstParam(params.s) ?? "";
  const token = firstParam(params.t) ?? "";
  const status = isUnsubscribeToken(subscriber, token)
    ? await subscriberStatusById(await getDb(), subscriber)
    : null;
  if (status === "unsubscribed" || status === "gone") {
    return (
      <AuthPage title="You are unsubscribed">
        <Lead>This address gets no more newsletters from us, and we kept no copy of it.</Lead>
        <p className="mt-6 font-sans">Changed your mind? {signUpAgain}.</p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Unsubscribe">
      <Lead>Stop receiving The Strategic Ledger&apos;s newsletter at this address.</Lead>
      <LinkButtonForm
        action={unsubscribeAction}
        fields={{ s: subscriber, t: token }}
        label="Unsubscribe"
        pendingLabel="Unsubscribing…"
      />
      <p className="mt-8 font-sans text-sm text-muted">Changed your mind later? {signUpAgain}.</p>
    </AuthPage>
  );
}
