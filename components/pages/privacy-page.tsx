import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

export const privacyMetadata: Metadata = {
  title: "Privacy",
  description: "What The Strategic Ledger keeps about its readers, why, and for how long.",
  alternates: { canonical: "/privacy" },
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="font-serif text-2xl font-bold">{title}</h2>
      <div className="mt-3 space-y-3 font-serif text-lg">{children}</div>
    </section>
  );
}

export function PrivacyPage() {
  return (
    <div className="mx-auto max-w-2xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Privacy</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        We keep as little as we can, only for what you asked us to do, and never share it. Reading
        needs no cookie and sends nothing to anyone else: fonts, images and scripts all come from
        this site.
      </p>
      <Part title="Newsletter">
        <p>
          Your address, whether it is confirmed, and the dates you signed up, confirmed and
          unsubscribed. An address that is never confirmed is forgotten after seven days.
        </p>
        <p>
          When you unsubscribe, the address is deleted. We keep only a fingerprint of it (a SHA-256
          hash), so that we honour your choice, and the date. Signing up again starts afresh.
        </p>
      </Part>
      <Part title="Accounts and comments">
        <p>
          To sign in we keep your address, the display name you choose, and your sessions (a cookie
          that only signs you in). Your address is never shown to other readers. Comments are public
          under your display name.
        </p>
        <p>
          You can change your name, sign out everywhere or delete your account on{" "}
          <Link href="/account" prefetch={false} className="text-accent underline">
            your account page
          </Link>
          . Deleting it removes your address and sessions, and you choose what happens to your
          comments: they stay in their threads, signed &ldquo;deleted account&rdquo;, or their text
          is deleted too.
        </p>
        <p>
          When a moderator removes one of your comments, we keep why, show it to you beside the
          comment, and email you the reason (you can turn these emails off on your account page).
          Every moderation decision is recorded with who made it, when and why, and the text of a
          comment before its last edit is kept for the moderators.
        </p>
        <p>
          If you follow a discussion, we keep which one and when we last wrote to you about it;
          every such email stops with one click. A notice of illegal content keeps the name and
          address you give, to answer you; the comment&apos;s author is not told who sent it.
        </p>
        <p>
          The same page has &ldquo;Download my data&rdquo;: a file with everything we keep about you
          (your account, your comments as you wrote them with their state, your mail and newsletter
          choices), and nothing about anyone else.
        </p>
      </Part>
      <Part title="Limits">
        <p>
          To stop abuse, the server counts sign-ins, comments and sign-ups per address and per
          network address for a short while (at most an hour), and forgets them.
        </p>
      </Part>
    </div>
  );
}
