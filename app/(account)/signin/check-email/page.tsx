import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <AuthPage title="Check your inbox">
      <Lead>We have sent you a link to sign in. Open it and press “Sign in”.</Lead>
      <p className="mt-4 font-sans text-sm">
        The link works once, within an hour. You can close this page.
      </p>
      <p className="mt-4 font-sans text-sm text-muted">
        Nothing after a few minutes? Look in your spam folder, or{" "}
        <Link href="/signin" prefetch={false} className="text-accent underline">
          ask for a new link
        </Link>
        .
      </p>
    </AuthPage>
  );
}
