import { expect } from "@playwright/test";
import { APP_URL, MAIL_URL } from "./env";

/** A message as the test SMTP server received it. */
export interface ReceivedMail {
  receivedAt: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const response = await fetch(`${MAIL_URL}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits until `count` messages have reached the address, and returns the newest. */
export async function waitForMail(address: string, count = 1): Promise<ReceivedMail> {
  let received: ReceivedMail[] = [];
  await expect
    .poll(async () => (received = await mailsTo(address)).length, {
      message: `${count} message(s) for ${address}`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(count);
  return received[received.length - 1]!;
}

/** The first link in a message's text that starts with the site's address and the path. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const link = mail.text
    .match(/https?:\/\/[^\s<>"]+/g)
    ?.find((url) => url.startsWith(`${APP_URL}${path}`));
  if (!link) throw new Error(`No link to ${path} in:\n${mail.text}`);
  return link;
}

/** How many messages each address starting with the prefix received (a test's own run). */
export async function receivedCounts(prefix: string): Promise<Map<string, number>> {
  const response = await fetch(`${MAIL_URL}/counts?prefix=${encodeURIComponent(prefix)}`);
  return new Map(Object.entries((await response.json()) as Record<string, number>));
}
