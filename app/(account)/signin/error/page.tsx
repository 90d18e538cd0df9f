import type { Metadata } from "next";
import { AuthPage, Lead } from "@/components/auth/auth-page";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { describeSignInError } from "@/lib/auth/errors";
import { firstParam, type SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Sign-in did not work", robots: { index: false } };

export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const error = describeSignInError(firstParam((await searchParams).error) ?? "Default");
  return (
    <AuthPage title={error?.title ?? "Sign-in did not work"}>
      <Lead>{error?.message}</Lead>
      <h2 className="mt-8 font-serif text-xl font-bold">Get a new sign-in link</h2>
      <EmailSignInForm callbackUrl="/" />
    </AuthPage>
  );
}
