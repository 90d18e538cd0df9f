import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DeleteAccountForm, DisplayNameForm, SignOutForms } from "@/components/auth/account-forms";
import { AuthPage } from "@/components/auth/auth-page";
import { MailPreference } from "@/components/comments/mail-preference";
import { externalProviders } from "@/lib/auth/config";
import { countSessions, getAccount } from "@/lib/auth/queries";
import { getViewer } from "@/lib/auth/viewer";
import { isBanned } from "@/lib/comments/ban";
import { readerStanding } from "@/lib/comments/queries";
import { formatDateTime } from "@/lib/site";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

function providerName(id: string): string {
  if (id === "email") return "an email link";
  return externalProviders().find((provider) => provider.id === id)?.name ?? id;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `${title.toLowerCase().replace(/[^a-z]+/g, "-")}-heading`;
  return (
    <section aria-labelledby={id} className="mt-10 border-t border-rule pt-6">
      <h2 id={id} className="font-serif text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  const db = await getDb();
  const [account, sessions, standing] = await Promise.all([
    getAccount(db, viewer.id),
    countSessions(db, viewer.id),
    readerStanding(db, viewer.id),
  ]);
  if (!account) redirect(`/signin?callbackUrl=${encodeURIComponent("/account")}`);

  return (
    <AuthPage title="Your account">
      <p className="mt-4 font-sans text-sm text-muted">
        Signed in as <span className="font-semibold text-ink">{account.email}</span>. Only you see
        this address.
      </p>
      {standing && isBanned(standing) && (
        <p className="mt-2 font-sans text-sm font-semibold text-accent">
          {standing.bannedUntil
            ? `A moderator has stopped this account from commenting until ${formatDateTime(standing.bannedUntil)}.`
            : "A moderator has stopped this account from commenting."}
        </p>
      )}
      {viewer.isModerator && (
        <p className="mt-2 font-sans text-sm">
          You are a moderator:{" "}
          <Link href="/admin" prefetch={false} className="text-accent underline">
            moderation
          </Link>
          .
        </p>
      )}

      <Section title="Profile">
        <DisplayNameForm name={account.name} />
      </Section>

      <Section title="Email about your comments">
        <MailPreference setting="replies" on={standing?.notifyReplies ?? false} />
        <MailPreference setting="decisions" on={standing?.notifyDecisions ?? true} />
        {viewer.isModerator && (
          <MailPreference setting="alerts" on={standing?.alertModeration ?? true} />
        )}
      </Section>

      <Section title="Sign-in">
        <p className="mt-3 font-sans text-sm">
          You can sign in with: {account.providers.map(providerName).join(", ")}.
        </p>
        <p className="mt-2 font-sans text-sm text-muted">
          Signed in on {sessions} {sessions === 1 ? "device" : "devices"}. “Sign out everywhere”
          ends them all, including this one.
        </p>
        <SignOutForms />
      </Section>

      <Section title="Your data">
        <p className="mt-3 font-sans text-sm">
          Everything we keep about you (your account, your comments as you wrote them, your reply
          and newsletter choices) in one file you can keep or take elsewhere.{" "}
          <Link href="/privacy" prefetch={false} className="text-accent underline">
            What we keep, and why
          </Link>
          .
        </p>
        <p className="mt-3 font-sans text-sm">
          <a href="/account/data.json" download className="text-accent underline">
            Download my data (JSON)
          </a>
        </p>
      </Section>

      <Section title="Delete account">
        <DeleteAccountForm />
      </Section>
    </AuthPage>
  );
}
