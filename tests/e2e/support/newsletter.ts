import type { Page } from "@playwright/test";
import { withDatabase } from "./database";
import { expect } from "./readers";

export const CHECK_INBOX =
  "Thank you. Check your inbox and confirm your subscription: the link works for 48 hours.";

export function signupSection(page: Page) {
  return page.getByRole("region", { name: "Newsletter" });
}

/** Signs up from the page's newsletter form and waits for the answer. */
export async function signUp(page: Page, email: string, answer: string | RegExp = CHECK_INBOX) {
  const section = signupSection(page);
  await section.getByLabel("Email").fill(email);
  // Wait for this submission's own answer (the previous one may still be on the page).
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await section.getByRole("button", { name: "Subscribe" }).click();
  await answered;
  await expect(section.getByText(answer)).toBeVisible();
  await expect(section.getByRole("button", { name: "Subscribe" })).toBeEnabled();
}

/** Signups of the address waiting in the queue for their confirmation mail. */
export function queuedSignups(email: string, file?: string): number {
  return withDatabase(
    (db) =>
      (
        db
          .prepare("select count(*) as count from newsletter_signups where email = ?")
          .get(email) as {
          count: number;
        }
      ).count,
    file,
  );
}

/**
 * Waits until the sender has processed every queued signup for the address (mailed its
 * confirmation, or found none due): after this, no further mail is coming for it.
 */
export async function signupsProcessed(email: string, file?: string): Promise<void> {
  await expect
    .poll(() => queuedSignups(email, file), {
      message: `signups of ${email} processed`,
      timeout: 15_000,
    })
    .toBe(0);
}
