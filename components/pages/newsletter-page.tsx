import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "@/components/newsletter/signup-form";
import { followOptions } from "@/lib/newsletter/follow-options";

export const newsletterMetadata: Metadata = {
  title: "Newsletter",
  description: "New analyses of defence and geopolitics by email, about once a week.",
  alternates: { canonical: "/newsletter" },
};

export async function NewsletterPage() {
  const follow = await followOptions();
  return (
    <div className="mx-auto max-w-2xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">The newsletter</h1>
      <div className="mt-6 space-y-4 font-serif text-lg">
        <p>
          Each new analysis or op-ed, by email, the day it is published: about once a week, never
          more than twice. Each message has the piece&apos;s title, summary and a link; nothing
          else.
        </p>
        <p>
          We send it ourselves, with no tracking pixels or rewritten links. You confirm your address
          once; every message has a one-click unsubscribe link. Read{" "}
          <Link href="/privacy" prefetch={false} className="text-accent underline">
            what we keep, and for how long
          </Link>
          .
        </p>
      </div>
      <section aria-labelledby="choose-heading" className="mt-10 border-t border-rule pt-8">
        <h2 id="choose-heading" className="font-serif text-2xl font-bold">
          Sign up
        </h2>
        <SignupForm follow={follow} />
      </section>
    </div>
  );
}
