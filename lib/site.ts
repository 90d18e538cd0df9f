import { getConfig } from "@/lib/config";

export const SITE = {
  name: "The Strategic Ledger",
  tagline: "Independent analysis of defence and geopolitics",
  description:
    "The Strategic Ledger publishes independent analysis of defence, security and geopolitics: alliances, arms, industry and the decisions behind them.",
  locale: "en_US",
  language: "en",
} as const;

export const KIND_LABELS = {
  "op-ed": { label: "Op-ed", explanation: "Opinion: an argument, not news reporting" },
  analysis: { label: "Analysis", explanation: "Analysis of events, with sources" },
} as const;

/** Absolute URL on this site, for metadata, feeds and mail, from SITE_URL. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, `${getConfig().siteUrl}/`).toString();
}

export function articlePath(slug: string): string {
  return `/analysis/${slug}`;
}

export function topicPath(slug: string): string {
  return `/topics/${slug}`;
}

export function authorPath(slug: string): string {
  return `/authors/${slug}`;
}

/** Made once: a formatter costs far more to make than to use, and every listing formats 20 dates. */
const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatDate(isoDate: string): string {
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment, for readers: "29 November 2026, 14:05 UTC". */
export function formatDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} UTC`;
}
