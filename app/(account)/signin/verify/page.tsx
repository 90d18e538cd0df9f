import type { Metadata } from "next";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { signInLinkState } from "@/lib/auth/queries";
import { safeReturnPath } from "@/lib/http/return-to";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getAuthSecret } from "@/lib/auth/secret";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { checkEmailAddress } from "@/lib/mail/address";

export const metadata: Metadata = {
  title: "Sign in",
  robots: { index: false },
  // The address holds the token: never send it to another site. ("no-referrer" would also
  // blank the Origin of the button's POST, which the route guard checks.)
  referrer: "same-origin",
};

/**
 * The page a sign-in link opens. Opening it reads the link's state and changes nothing;
 * only the "Sign in" button's POST spends the link, so mail scanners that follow links
 * sign nobody in.
 */
export default async function VerifySignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = firstParam(params.token) ?? "";
  const checked = checkEmailAddress(firstParam(params.email) ?? "");
  const email = checked.ok ? checked.address : "";
  const callbackUrl = safeReturnPath(firstParam(params.callbackUrl), getConfig().siteUrl);
  const state =
    email && /^[0-9a-f]{16,128}$/.test(token)
      ? await signInLinkState(await getDb(), { email, token }, getAuthSecret())
      : "unknown";

  if (state === "valid") {
    const callback = new URLSearchParams({ callbackUrl, token, email });
    return (
      <AuthPage title="Sign in">
        <Lead>
          Sign in to The Strategic Ledger as <strong className="text-ink">{email}</strong>.
        </Lead>
        <form method="post" action={`/api/auth/callback/email?${callback}`}>
          <button
            type="submit"
            className="mt-6 rounded bg-accent px-5 py-2.5 font-sans font-semibold text-paper hover:opacity-90"
          >
            Sign in
          </button>
        </form>
        <p className="mt-6 font-sans text-sm text-muted">
          Not you, or did not ask to sign in? Close this page: nothing happens until the button is
          pressed.
        </p>
      </AuthPage>
    );
  }

  return (
    <AuthPage
      title={
        state === "expired" ? "This sign-in link has expired" : "This sign-in link cannot be used"
      }
    >
      <Lead>
        {state === "expired"
          ? "Links work for an hour after they are sent. Ask for a new one below."
          : "It has already been used, or it is incomplete: each link works once. Ask for a new one below."}
      </Lead>
      <EmailSignInForm callbackUrl={callbackUrl} email={email} />
    </AuthPage>
  );
}
