import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-page";
import { SendForms } from "@/components/newsletter/send-forms";
import { requireModeratorPage } from "@/lib/auth/guards";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getAllArticles, getArticle } from "@/lib/content";
import { getDb } from "@/lib/db/client";
import { issueMail } from "@/lib/newsletter/mail";
import { audienceSize, sendProgress } from "@/lib/newsletter/sends";
import { subscriberCounts } from "@/lib/newsletter/subscribers";
import { formatDateTime } from "@/lib/site";

export const metadata: Metadata = { title: "Newsletter: sending", robots: { index: false } };

export default async function NewsletterAdminPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const viewer = await requireModeratorPage("/admin/newsletter");
  const db = await getDb();
  const [counts, sends, articles] = await Promise.all([
    subscriberCounts(db),
    sendProgress(db),
    getAllArticles(),
  ]);
  const sentSlugs = new Set(sends.map((send) => send.articleSlug));
  const unsent = articles.filter((article) => !sentSlugs.has(article.slug));
  const chosen = await getArticle(firstParam((await searchParams).preview) ?? "");
  const preview = chosen && !sentSlugs.has(chosen.slug) ? chosen : null;
  const sending = sends.some((send) => !send.finishedAt);
  // Those who follow everything, or any of the piece's topics or authors.
  const recipients = preview
    ? await audienceSize(db, {
        topics: preview.topics.map((topic) => topic.slug),
        authors: preview.authors.map((author) => author.slug),
      })
    : 0;
  const mail = preview
    ? issueMail(preview, { to: viewer.email, sendId: "preview", subscriberId: "preview" })
    : null;

  return (
    <AuthPage title="Newsletter" wide>
      {/* While a send is running, the page follows its progress, with or without JavaScript. */}
      {sending && <meta httpEquiv="refresh" content="3" />}
      <dl className="mt-6 grid grid-cols-3 gap-4 font-sans">
        {(
          [
            ["Confirmed", counts.confirmed],
            ["Awaiting confirmation", counts.pending],
            ["Unsubscribed", counts.unsubscribed],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded border border-rule p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 font-sans text-sm">
        <a href="/admin/newsletter/subscribers.csv" className="text-accent underline">
          Export subscribers (CSV)
        </a>
        : address, state and dates, for import into another mail service.
      </p>

      <h2 className="mt-10 font-serif text-xl font-bold">Send an article</h2>
      {unsent.length === 0 ? (
        <p className="mt-3 font-sans text-sm text-muted">Every article has been sent.</p>
      ) : (
        <form method="get" className="mt-3 flex flex-wrap items-end gap-3 font-sans text-sm">
          <label className="flex flex-col">
            <span className="font-semibold">Article</span>
            <select
              name="preview"
              defaultValue={preview?.slug}
              className="mt-1 rounded border border-rule bg-paper px-2 py-1.5"
            >
              {unsent.map((article) => (
                <option key={article.slug} value={article.slug}>
                  {article.title}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded border border-rule px-3 py-1.5 hover:border-accent"
          >
            Preview
          </button>
        </form>
      )}
      {preview && mail && (
        <section aria-labelledby="preview-heading" className="mt-6 rounded border border-rule p-4">
          <h3 id="preview-heading" className="font-sans text-sm font-semibold">
            Preview: {mail.subject}
          </h3>
          <pre className="mt-3 font-sans text-sm whitespace-pre-wrap">{mail.text}</pre>
          <p className="mt-3 font-sans text-sm">
            <a
              href={`/admin/newsletter/preview?${new URLSearchParams({ slug: preview.slug })}`}
              className="text-accent underline"
            >
              See the HTML version
            </a>
          </p>
          <SendForms slug={preview.slug} recipients={recipients} />
        </section>
      )}

      <h2 className="mt-10 font-serif text-xl font-bold">Sends</h2>
      {sends.length === 0 ? (
        <p className="mt-3 font-sans text-sm text-muted">Nothing sent yet.</p>
      ) : (
        <table className="mt-3 w-full font-sans text-sm">
          <thead>
            <tr className="text-left">
              <th className="py-1 pr-3">Article</th>
              <th className="py-1 pr-3">Queued</th>
              <th className="py-1 pr-3">Progress</th>
            </tr>
          </thead>
          <tbody>
            {sends.map((send) => (
              <tr key={send.id} className="border-t border-rule">
                <td className="py-2 pr-3">{send.subject}</td>
                <td className="py-2 pr-3">{formatDateTime(send.createdAt)}</td>
                <td className="py-2 pr-3">
                  {send.sent} of {send.total} sent
                  {send.failed > 0 && `, ${send.failed} failed`}
                  {send.skipped > 0 && `, ${send.skipped} unsubscribed meanwhile`}
                  {send.finishedAt ? " · finished" : " · sending…"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AuthPage>
  );
}
