import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage, Lead } from "@/components/auth/auth-page";

export const metadata: Metadata = { title: "You are subscribed", robots: { index: false } };

export default function ThanksPage() {
  return (
    <AuthPage title="Thank you: you are subscribed">
      <Lead>Our next analysis will come to your inbox the day it is published.</Lead>
      <p className="mt-6 font-sans">
        <Link href="/" prefetch={false} className="text-accent underline">
          Read the latest analysis
        </Link>
      </p>
    </AuthPage>
  );
}
