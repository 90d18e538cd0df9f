import type { Metadata } from "next";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { LinkButtonForm } from "@/components/forms/link-button-form";
import { stopDiscussionMail } from "@/lib/comments/actions";
import { firstParam, type SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Stop following", robots: { index: false } };

/**
 * Where a discussion digest's "stop following" link leads. Opening it changes nothing (a
 * link scanner unfollows nobody); the button does, with no sign-in needed.
 */
export default async function StopFollowingPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return (
    <AuthPage title="Stop following">
      <Lead>Stop the daily emails about new comments in this discussion.</Lead>
      <LinkButtonForm
        action={stopDiscussionMail}
        fields={{ f: firstParam(params.f) ?? "", t: firstParam(params.t) ?? "" }}
        label="Stop following"
      />
    </AuthPage>
  );
}
