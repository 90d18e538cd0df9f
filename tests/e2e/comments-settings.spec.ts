import { FLAGSHIP, MODERATOR_EMAIL, OIDC_ISSUER, OIDC_NAME } from "./support/env";
import { commentWith, commentsRegion, marker, postComment } from "./support/comments";
import { actAs, expect, MODERATOR, test, uniqueIdentity, type Identity } from "./support/readers";
import { removeDataDir, startServer, type RunningServer } from "./support/server";
import type { Page } from "@playwright/test";

/** A server of its own, with the first comment of each reader held for approval. */
test.describe.configure({ mode: "serial" });

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer(3115, {
    env: {
      HOLD_FIRST_COMMENT: "true",
      AUTH_OIDC_ISSUER: OIDC_ISSUER,
      AUTH_OIDC_ID: "ledger-e2e",
      AUTH_OIDC_SECRET: "ledger-e2e-secret",
      AUTH_OIDC_NAME: OIDC_NAME,
      ADMIN_EMAILS: MODERATOR_EMAIL,
    },
  });
});

test.afterAll(async () => {
  await server.stop();
  await removeDataDir(server);
});

async function signIn(page: Page, identity: Identity, path: string) {
  await actAs(page.context(), identity);
  await page.goto(`${server.url}/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: identity.name })).toBeVisible();
}

test("a reader's first comment waits for approval, and says so; later ones do not", async ({
  page,
  browser,
}) => {
  const m = marker("held");
  await signIn(page, uniqueIdentity("Newcomer"), FLAGSHIP);
  await postComment(page, `${m} first`);
  await expect(commentWith(page, `${m} first`)).toContainText("Awaiting approval by a moderator");
  expect(await (await fetch(`${server.url}${FLAGSHIP}`)).text()).not.toContain(m);

  const moderator = await browser.newPage();
  await signIn(moderator, MODERATOR, "/admin/comments?filter=held");
  const row = moderator.getByRole("listitem").filter({ hasText: `${m} first` });
  await row.getByRole("checkbox").check();
  await moderator.getByRole("button", { name: "Approve selected" }).click();
  await expect(moderator.getByText(`${m} first`)).toHaveCount(0);
  await moderator.close();

  await expect
    .poll(
      async () => (await (await fetch(`${server.url}${FLAGSHIP}`)).text()).includes(`${m} first`),
      {
        timeout: 1000,
      },
    )
    .toBe(true);
  await page.reload();
  await postComment(page, `${m} second`);
  await expect(commentWith(page, `${m} second`)).not.toContainText("Awaiting approval");
  await expect(commentsRegion(page).getByText("Awaiting approval")).toHaveCount(0);
});
