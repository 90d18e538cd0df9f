import type { Metadata } from "next";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { LinkButtonForm } from "@/components/forms/link-button-form";
import { stopReplyMail } from "@/lib/comments/actions";
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
      <LinkButtonForm
        action={stopReplyMail}
        fields={{ u: firstParam(params.u) ?? "", t: firstParam(params.t) ?? "" }}
        label="Stop reply emails"
      />
    </AuthPage>
  );
}
