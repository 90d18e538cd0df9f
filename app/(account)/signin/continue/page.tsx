import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { verifiedProviderUrl } from "@/lib/auth/provider-redirect";
import { firstParam, type SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Continue to sign in", robots: { index: false } };

/** The hop to the sign-in provider for readers without JavaScript (see provider-redirect.ts). */
export default async function ContinueToProviderPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const params = await searchParams;
  const target = verifiedProviderUrl(firstParam(params.to), firstParam(params.sig));
  if (!target) redirect("/signin");
  return (
    <AuthPage title="Continue to sign in">
      <meta httpEquiv="refresh" content={`0;url=${target.href}`} />
      <Lead>Taking you to {target.host} to sign in.</Lead>
      <p className="mt-6 font-sans">
        <a href={target.href} className="text-accent underline">
          Continue to {target.host}
        </a>
      </p>
    </AuthPage>
  );
}
