import "server-only";
import type { Article } from "@/lib/content";
import type { MailMessage } from "@/lib/mail";
import { renderMail } from "@/lib/mail/layout";
import { KIND_LABELS, SITE, absoluteUrl, articlePath } from "@/lib/site";
import { CONFIRM_LINK_HOURS } from "./subscribers";
import { unsubscribeToken } from "./tokens";

export function confirmationMail(to: string, subscriberId: string, token: string): MailMessage {
  const link = absoluteUrl(
    `/newsletter/confirm?${new URLSearchParams({ s: subscriberId, t: token })}`,
  );
  const { text, html } = renderMail({
    preview: `Confirm your subscription to ${SITE.name}`,
    paragraphs: [
      `Someone, probably you, asked to receive ${SITE.name}'s newsletter at this address: our new analyses, by email, as they are published.`,
      `To confirm, open the link below and press "Confirm". It works once, within ${CONFIRM_LINK_HOURS} hours.`,
    ],
    action: { label: "Confirm your subscription", url: link },
    footer: [
      "If you did not ask for this, ignore this message: you will not be subscribed, and we will forget the address.",
    ],
  });
  return { to, subject: `Confirm your subscription to ${SITE.name}`, text, html };
}

/** The links in every newsletter that manage its subscription, signed for its subscriber. */
export function unsubscribeLinks(subscriberId: string): {
  page: string;
  oneClick: string;
  preferences: string;
} {
  const query = new URLSearchParams({ s: subscriberId, t: unsubscribeToken(subscriberId) });
  return {
    page: absoluteUrl(`/newsletter/unsubscribe?${query}`),
    oneClick: absoluteUrl(`/api/newsletter/unsubscribe?${query}`),
    preferences: absoluteUrl(`/newsletter/preferences?${query}`),
  };
}

/** One subscriber's copy of an article. */
export function issueMail(
  article: Article,
  delivery: { to: string; sendId: string; subscriberId: string },
): MailMessage {
  const links = unsubscribeLinks(delivery.subscriberId);
  const { text, html } = renderMail({
    preview: article.dek,
    eyebrow: `${KIND_LABELS[article.kind].label} · ${article.topics.map((topic) => topic.name).join(", ")} · ${article.readingMinutes} min read`,
    headline: article.title,
    paragraphs: [article.dek],
    action: { label: "Read it on the site", url: absoluteUrl(articlePath(article.slug)) },
    footer: [
      `You receive this because you subscribed to ${SITE.name}'s newsletter.`,
      {
        text: "Only some topics or authors?",
        link: { label: "Choose what you receive", url: links.preferences },
      },
      { text: "Do not want it any more?", link: { label: "Unsubscribe", url: links.page } },
    ],
  });
  const host = new URL(absoluteUrl("/")).hostname;
  return {
    to: delivery.to,
    subject: article.title,
    text,
    html,
    messageId: `<${delivery.sendId}.${delivery.subscriberId}@${host}>`,
    headers: {
      "List-Unsubscribe": `<${links.oneClick}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `${SITE.name} <newsletter.${host}>`,
    },
  };
}
