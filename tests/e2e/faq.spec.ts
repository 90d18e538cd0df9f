import { expect, test, type Page } from "@playwright/test";

const FLAGSHIP = "/analysis/the-end-of-the-blank-check";
const QUESTIONS = [
  "Does defense independence mean isolating oneself from allies?",
  "Why is domestic production harder than buying from the US?",
  "Can a minor country truly be independent in arms production?",
];

async function expectDisclosuresOpen(page: Page) {
  const faq = page.getByRole("region", { name: /FAQ/ });
  await expect(faq.getByRole("heading")).toHaveText(
    "FAQ: Understanding Strategic Defense Autonomy",
  );
  const answer = faq.getByText("No. Independence is about removing vulnerability.");
  await expect(answer).toBeHidden();
  await faq.getByText(QUESTIONS[0]!).click();
  await expect(answer).toBeVisible();
  await expect(faq.locator("details")).toHaveCount(3);
}

test("FAQ questions are disclosures that show their answers", async ({ page }) => {
  await page.goto(FLAGSHIP);
  await expectDisclosuresOpen(page);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("FAQ disclosures still open", async ({ page }) => {
    await page.goto(FLAGSHIP);
    await expectDisclosuresOpen(page);
  });

  test("the whole article is in the HTML and no JavaScript-only control shows", async ({
    page,
  }) => {
    await page.goto(FLAGSHIP);
    await expect(page.getByText("forged at home.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Copy link" })).toBeHidden();
    await expect(page.getByLabel("Theme")).toBeHidden();
    await expect(page.getByRole("link", { name: "Share on LinkedIn" })).toBeVisible();
  });
});

test("each question has its own anchor, which opens it", async ({ page }) => {
  await page.goto(FLAGSHIP);
  const question = page.locator("details").filter({ hasText: QUESTIONS[1]! });
  await question.getByText(QUESTIONS[1]!).click();
  const link = question.getByRole("link", { name: "Link to this question" });
  await expect(link).toHaveAccessibleDescription(`Q: ${QUESTIONS[1]}`);
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^#faq-why-is-domestic-production/);
  await page.goto(`${FLAGSHIP}${href}`);
  await expect(page.locator(`details${href}`)).toBeInViewport();
});

test("structured data: an OpinionNewsArticle and an FAQPage with three questions", async ({
  page,
}) => {
  await page.goto(FLAGSHIP);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const data = blocks.map((block) => JSON.parse(block) as Record<string, unknown>);

  const article = data.find((entry) => entry["@type"] === "OpinionNewsArticle");
  expect(article).toMatchObject({
    headline:
      "The End of the Blank Check: Why Strategic Defense Independence is the Modern Global Currency",
    datePublished: "2026-11-24T00:00:00.000Z",
    url: "http://localhost:3100/analysis/the-end-of-the-blank-check",
  });

  const faq = data.find((entry) => entry["@type"] === "FAQPage") as
    { mainEntity: { name: string; acceptedAnswer: { text: string } }[] } | undefined;
  expect(faq?.mainEntity.map((question) => question.name)).toEqual(QUESTIONS);
  expect(faq?.mainEntity[2]?.acceptedAnswer.text).toMatch(/^Total independence is rare/);
});

test("the Middle East piece is labelled and typed as analysis", async ({ page }) => {
  await page.goto("/analysis/the-evolving-security-architecture-of-the-middle-east");
  await expect(page.locator("article header").first()).toContainText("Analysis");
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks.map((block) => JSON.parse(block)["@type"])).toEqual(["AnalysisNewsArticle"]);
});
