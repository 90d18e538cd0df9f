import AxeBuilder from "@axe-core/playwright";
import { expect, signInByEmail, test, uniqueEmail } from "./support/readers";

const PAGES = [
  "/",
  "/analysis/the-end-of-the-blank-check",
  "/analysis/the-evolving-security-architecture-of-the-middle-east",
  "/analysis/europes-defence-industrial-strategy",
  "/corrections",
  "/topics",
  "/topics/israel",
  "/analysis/does-not-exist",
  "/signin",
  "/signin/check-email",
  "/signin/error?error=Verification",
  "/signin/verify?token=0123456789abcdef&email=reader%40example.com",
];

for (const colorScheme of ["light", "dark"] as const) {
  for (const path of PAGES) {
    test(`${path} has no accessibility violations in the ${colorScheme} theme`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      // Open every disclosure so that the answers are checked too.
      for (const summary of await page.locator("summary").all()) await summary.click();
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .analyze();
      expect(results.violations.map(({ id, nodes }) => ({ id, nodes: nodes.length }))).toEqual([]);
    });
  }
}

test("a chosen theme overrides the system and holds across pages with no flash", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const lightBackground = await background();

  await page.getByLabel("Theme").selectOption("dark");
  expect(await background()).not.toBe(lightBackground);

  // The theme is applied by the inline script before first paint: check it at commit time.
  await page.goto("/analysis/the-end-of-the-blank-check", { waitUntil: "commit" });
  await page.waitForSelector("html[data-theme='dark']", { state: "attached" });
  await expect(page.getByLabel("Theme")).toHaveValue("dark");

  await page.getByLabel("Theme").selectOption("system");
  expect(await background()).toBe(lightBackground);
});

test("the layout holds at 320 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/analysis/the-end-of-the-blank-check");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});

for (const width of [320, 375]) {
  test(`at ${width} px the header takes two rows, and every control in it is named`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 700 });
    await page.goto("/");
    const header = page.getByRole("banner");
    const controls = [
      header.getByRole("link", { name: "The Strategic Ledger" }),
      header.getByRole("link", { name: "Sign in" }),
      header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Latest" }),
      header.getByRole("link", { name: "Topics" }),
      header.getByRole("button", { name: "Search" }),
      header.getByRole("combobox", { name: "Theme" }),
    ];
    const rows = new Set<number>();
    for (const control of controls) {
      await expect(control).toBeVisible();
      const box = await control.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      rows.add(Math.round(box!.y + box!.height / 2));
    }
    // Centres within a few pixels of each other are one row.
    const distinct = [...rows]
      .sort((a, b) => a - b)
      .filter((y, i, all) => i === 0 || y - all[i - 1]! > 8);
    expect(distinct).toHaveLength(2);
    // The selected theme reads as what it is, without the hidden label.
    await expect(
      header.getByRole("combobox", { name: "Theme" }).locator("option:checked"),
    ).toHaveText("System theme");
  });
}

test("the account page and a signed-in article have no accessibility violations", async ({
  page,
}) => {
  await signInByEmail(page, uniqueEmail("axe"));
  for (const path of ["/account", "/analysis/the-end-of-the-blank-check"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    expect(results.violations.map(({ id, nodes }) => ({ id, nodes: nodes.length }))).toEqual([]);
  }
});

test("the whole article is laid out at once: its text is there to read, and the page keeps its height", async ({
  page,
}) => {
  await page.goto("/analysis/the-end-of-the-blank-check");
  // What reading and translation tools take as the page's text, down to the comments.
  const text = await page.locator("main").innerText();
  expect(text).toContain("FAQ: Understanding Strategic Defense Autonomy");
  expect(text).toMatch(/Comments \(\d+\)/);
  // A full-page capture gets what the reader scrolls through: the height does not change.
  const before = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.locator("#comments").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(before);
});
