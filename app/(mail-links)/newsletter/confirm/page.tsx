import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { LinkButtonForm } from "@/components/forms/link-button-form";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getDb } from "@/lib/db/client";
import { confirm } from "@/lib/newsletter/actions";
import { confirmLinkState } from "@/lib/newsletter/subscribers";

export const metadata: Metadata = {
  title: "Confirm your subscription",
  robots: { index: false },
  referrer: "same-origin",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The page a confirmation mail's link opens. Opening it changes nothing (a mail scanner
 * subscribes nobody): it reads the link and shows the "Confirm" button, or says why not.
 */
export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const subscriber = firstParam(params.s) ?? "";
  const token = firstParam(params.t) ?? "";
  const { state } = UUID.test(subscriber)
    ? await confirmLinkState(await getDb(), subscriber, token)
    : { state: "invalid" as const };
  if (state === "valid") {
    return (
      <AuthPage title="Confirm your subscription">
        <Lead>Press the button to receive our new analyses by email.</Lead>
        <LinkButtonForm
          action={confirm}
          fields={{ s: subscriber, t: token }}
          label="Confirm"
          pendingLabel="Confirming…"
        />
      </AuthPage>
    );
  }
  const words = {
    expired: [
      "This link has expired",
      "Confirmation links work for 48 hours. Sign up again below for a new one.",
    ],
    used: [
      "You are subscribed already",
      "This subscription was confirmed earlier: there is nothing more to do.",
    ],
    invalid: [
      "This link cannot be used",
      "It is incomplete, or it was replaced by a newer one. Sign up again below.",
    ],
  } as const;
  const [title, message] = words[state];
  return (
    <AuthPage title={title}>
      <Lead>{message}</Lead>
      {state !== "used" && (
        <p className="mt-6 font-sans">
          <Link href="/newsletter" prefetch={false} className="text-accent underline">
            Sign up again
          </Link>
        </p>
      )}
    </AuthPage>
  );
}
