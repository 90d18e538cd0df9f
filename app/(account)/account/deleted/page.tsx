import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

export default function AccountDeletedPage() {
  return (
    <AuthPage title="Your account has been deleted">
      <Lead>Your address and sessions are gone. Thank you for reading.</Lead>
      <p className="mt-6 font-sans">
        <Link href="/" prefetch={false} className="text-accent underline">
          Back to the latest analysis
        </Link>
      </p>
    </AuthPage>
  );
}
