import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { externalProviders } from "@/lib/auth/config";
import { describeSignInError } from "@/lib/auth/errors";
import { safeReturnPath } from "@/lib/http/return-to";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getViewerForPage } from "@/lib/auth/viewer";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { siteUrl } = getConfig();
  // Without an explicit callbackUrl, the reader goes back to the page they came from.
  const callbackUrl = safeReturnPath(
    firstParam(params.callbackUrl) ?? (await headers()).get("referer") ?? "/",
    siteUrl,
  );
  if (await getViewerForPage()) redirect(callbackUrl === "/" ? "/account" : callbackUrl);

  const error = describeSignInError(firstParam(params.error));
  const providers = externalProviders();
  return (
    <AuthPage title="Sign in">
      <Lead>Sign in to comment on our analyses and to follow replies to your comments.</Lead>
      {error && (
        <div role="alert" className="mt-6 rounded border border-accent p-4 font-sans text-sm">
          <p className="font-semibold">{error.title}</p>
          <p className="mt-1">{error.message}</p>
        </div>
      )}
      <div className="mt-4">
        <EmailSignInForm callbackUrl={callbackUrl} />
      </div>
      {providers.length > 0 && (
        <div className="mt-8 border-t border-rule pt-6">
          <p className="font-sans text-sm text-muted">Or use an account you already have:</p>
          <ProviderButtons providers={providers} callbackUrl={callbackUrl} />
        </div>
      )}
      <p className="mt-10 font-sans text-sm text-muted">
        Your address is used to sign you in and is never shown to other readers.
      </p>
    </AuthPage>
  );
}
