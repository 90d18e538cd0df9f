import type { Metadata } from "next";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { StopReplyMailForm } from "@/components/comments/reply-mail-forms";
import { firstParam, type SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Stop reply emails", robots: { index: false } };

/**
 * Where a reply mail's "stop these messages" link leads. Opening it changes nothing (a link
 * scanner unsubscribes nobody); the button does, with no sign-in needed.
 */
export default async function StopReplyMailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  return (
    <AuthPage title="Stop reply emails">
      <Lead>Stop the emails that tell you when someone replies to your comments.</Lead>
      <StopReplyMailForm user={firstParam(params.u) ?? ""} token={firstParam(params.t) ?? ""} />
    </AuthPage>
  );
}
