import { renderMail } from "@/lib/mail/layout";
import type { MailMessage } from "@/lib/mail";
import { SITE } from "@/lib/site";

/**
 * The sign-in message. Its link opens a page on the site with a "Sign in" button rather
 * than signing in on the spot, so that a mail scanner following links signs nobody in and
 * spends nothing.
 */
export function signInMail(to: string, link: string, expires: Date): MailMessage {
  const minutes = Math.max(1, Math.round((expires.getTime() - Date.now()) / 60_000));
  const lifetime = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
  const { text, html } = renderMail({
    preview: `Your sign-in link for ${SITE.name}`,
    paragraphs: [
      `Someone, probably you, asked to sign in to ${SITE.name} with this address.`,
      `Open the link below and press "Sign in". It works once and expires in ${lifetime}.`,
    ],
    action: { label: "Sign in", url: link },
    footer: [
      "If you did not ask to sign in, ignore this message: nothing happens until the link is used, and no account is created.",
    ],
  });
  return { to, subject: `Sign in to ${SITE.name}`, text, html };
}
