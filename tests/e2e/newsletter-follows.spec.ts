import type { Page } from "@playwright/test";
import { withDatabase } from "./support/database";
import { linkIn, mailsTo, waitForMail } from "./support/mail";
import { CHECK_INBOX } from "./support/newsletter";
import { expect, signInAsModerator, test, uniqueEmail } from "./support/readers";

/**
 * Following topics and authors: a reader who chose one topic gets that topic's pieces and
 * nothing else; every newsletter lets them change the choice. The send is of the Middle East
 * analysis, which no other test sends.
 */
const MIDDLE_EAST = "The Evolving Security Architecture of the Middle East";

async function signUpFor(page: Page, email: string, topics: string[]) {
  await page.goto("/newsletter");
  const form = page.getByRole("region", { name: "Sign up" });
  for (const topic of topics) await form.getByRole("checkbox", { name: topic }).check();
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByText(CHECK_INBOX)).toBeVisible();
  await page.goto(linkIn(await waitForMail(email), "/newsletter/confirm"));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: you are subscribed" })).toBeVisible();
}

function deliveriesTo(email: string): number {
  return withDatabase(
    (db) =>
      (
        db
          .prepare(
            `select count(*) as count from newsletter_deliveries d
             join subscribers s on s.id = d.subscriber_id where s.email = ?`,
          )
          .get(email) as { count: number }
      ).count,
  );
}

test("a reader who follows one topic receives its pieces only, and changes the choice from the mail", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const middleEast = uniqueEmail("follows-middle-east");
  const europe = uniqueEmail("follows-europe");
  // One signs up with JavaScript off, the other with it on: the choice is plain checkboxes.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await signUpFor(await noScript.newPage(), middleEast, ["Middle East"]);
  await noScript.close();
  const reader = await browser.newPage();
  await signUpFor(reader, europe, ["Europe"]);

  await signInAsModerator(page, "/admin/newsletter");
  await page.getByLabel("Article").selectOption({ label: MIDDLE_EAST });
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByLabel("I have read the preview and the test").check();
  await page.getByRole("button", { name: /^Send to \d+ subscribers?$/ }).click();

  const issue = await waitForMail(middleEast, 2);
  expect(issue.subject).toBe(MIDDLE_EAST);
  await expect.poll(() => deliveriesTo(middleEast)).toBe(1);
  // The Europe reader was never queued for it, so no mail is on its way either.
  expect(deliveriesTo(europe)).toBe(0);
  expect((await mailsTo(europe)).map((mail) => mail.subject)).not.toContain(MIDDLE_EAST);

  // "Choose what you receive": the choice as it stands, changed with one press.
  await reader.goto(linkIn(issue, "/newsletter/preferences"));
  await expect(reader.getByRole("checkbox", { name: "Middle East" })).toBeChecked();
  await expect(reader.getByRole("checkbox", { name: "Europe" })).not.toBeChecked();
  await reader.getByRole("checkbox", { name: "Middle East" }).uncheck();
  await reader.getByRole("checkbox", { name: "The Strategic Ledger" }).check();
  await reader.getByRole("button", { name: "Save" }).click();
  await expect(
    reader.getByText("Saved: from now on you receive the pieces on what you ticked."),
  ).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole("checkbox", { name: "The Strategic Ledger" })).toBeChecked();
  await expect(reader.getByRole("checkbox", { name: "Middle East" })).not.toBeChecked();

  // A forged link shows nothing and changes nothing.
  const forged = new URL(linkIn(issue, "/newsletter/preferences"));
  forged.searchParams.set("t", "forged");
  await reader.goto(forged.toString());
  await expect(reader.getByText("This link is not valid.")).toBeVisible();
  await expect(reader.getByRole("checkbox")).toHaveCount(0);
  await reader.close();
});
