import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { FollowsForm } from "@/components/newsletter/follows-form";
import { getDb } from "@/lib/db/client";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { followChoices, followsOf } from "@/lib/newsletter/follows";
import { followOptions } from "@/lib/newsletter/follow-options";
import { subscriberStatusById } from "@/lib/newsletter/subscribers";
import { isUnsubscribeToken } from "@/lib/newsletter/tokens";

export const metadata: Metadata = {
  title: "What you receive",
  robots: { index: false },
  referrer: "same-origin",
};

/**
 * Where "Choose what you receive" in every newsletter leads: the topics and authors this
 * subscriber follows, to change with one press. Opening it changes nothing; the link's
 * signed fields say whose choice it is, with no sign-in.
 */
export default async function PreferencesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const s = firstParam(params.s) ?? "";
  const t = firstParam(params.t) ?? "";
  const db = await getDb();
  const status = isUnsubscribeToken(s, t) ? await subscriberStatusById(db, s) : null;
  if (status !== "confirmed") {
    return (
      <AuthPage title="What you receive">
        <Lead>
          {status === null
            ? "This link is not valid. Use the one in your latest newsletter."
            : "This address is not subscribed."}
        </Lead>
        <p className="mt-6 font-sans">
          <Link href="/newsletter" prefetch={false} className="text-accent underline">
            Sign up
          </Link>
        </p>
      </AuthPage>
    );
  }
  const [options, follows] = await Promise.all([followOptions(), followsOf(db, s)]);
  return (
    <AuthPage title="What you receive">
      <Lead>
        {follows
          ? "You receive the pieces on the topics and by the authors ticked below."
          : "You receive every new piece. Tick topics or authors to receive only those."}
      </Lead>
      <FollowsForm link={{ s, t }} options={options} selected={followChoices(follows)} />
    </AuthPage>
  );
}
