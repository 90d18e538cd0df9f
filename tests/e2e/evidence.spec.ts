import { expect, test } from "@playwright/test";

/**
 * What an article carries as evidence: figures, tables, footnotes, corrections and updates,
 * and the ways to cite it.
 */
const EUROPE = "/analysis/europes-defence-industrial-strategy";
const MIDDLE_EAST = "/analysis/the-evolving-security-architecture-of-the-middle-east";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("a figure shows with its caption and credit, optimised for the browser, without moving the page", async ({
      page,
      request,
    }) => {
      await page.goto(EUROPE);
      const figure = page.getByRole("figure").filter({ hasText: "The four targets" });
      await expect(figure).toContainText(
        "Chart: The Strategic Ledger, from the European Defence Industrial Strategy (2024).",
      );
      const image = figure.getByRole("img", { name: /^Bar chart of the European Defence/ });
      await expect(image).toHaveAttribute("width", "1600");
      await expect(image).toHaveAttribute("height", "840");
      await expect(image).toHaveAttribute("loading", "lazy");
      // The space is kept before the image arrives: its box has the image's proportions.
      const before = await image.boundingBox();
      expect(Math.abs(before!.width / before!.height - 1600 / 840)).toBeLessThan(0.02);

      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
        .toBeGreaterThan(0);
      // Chromium takes AVIF: the picture's AVIF variant for this width, a file made at build.
      const source = await image.evaluate((element: HTMLImageElement) => element.currentSrc);
      expect(source).toMatch(
        /\/media\/europes-defence-industrial-strategy\/targets\.png\/\d+\.avif$/,
      );
      const chosen = await request.get(source);
      expect(chosen.headers()["content-type"]).toBe("image/avif");
      expect((await chosen.body()).length).toBeLessThan(39_140);
      for (const format of ["avif", "webp"]) {
        const sourceSet = await figure
          .locator(`source[type="image/${format}"]`)
          .getAttribute("srcset");
        expect(sourceSet).toContain(`/targets.png/828.${format} 828w`);
      }
      const after = await image.boundingBox();
      expect(after!.height).toBeCloseTo(before!.height, 0);

      // Enlarging: the image is a link to the full-size file.
      const full = await figure.getByRole("link").getAttribute("href");
      const file = await request.get(full!);
      expect(file.headers()["content-type"]).toBe("image/png");
    });

    test("a footnote reference leads to its note, and the note leads back", async ({ page }) => {
      await page.goto(EUROPE);
      await page.getByRole("link", { name: "Note 1", exact: true }).click();
      await expect(page).toHaveURL(/#fn-edis$/);
      const notes = page.getByRole("region", { name: "Notes" });
      await expect(notes.getByRole("listitem").first()).toContainText(
        "A new European Defence Industrial Strategy",
      );
      await notes.getByRole("link", { name: "Back to where note 1 is cited" }).click();
      await expect(page).toHaveURL(/#fnref-edis$/);
    });

    test("the update notice at the top links to the note at the end", async ({ page }) => {
      await page.goto(MIDDLE_EAST);
      await page.getByRole("link", { name: "Updated 1 December 2026" }).click();
      await expect(page).toHaveURL(/#updates$/);
      await expect(page.getByRole("region", { name: "Updates" })).toContainText(
        "Added a diagram, a timeline and a table of the three changes",
      );
    });

    test("the Cite box gives Chicago and APA references and both files", async ({
      page,
      request,
    }) => {
      await page.goto(EUROPE);
      await page.getByText("Cite this analysis").click();
      const box = page.locator("details", { hasText: "Cite this analysis" });
      await expect(box).toContainText(
        "“Europe’s Defence-Industrial Strategy: Targets Before Capacity.” The Strategic Ledger, November 10, 2026.",
      );
      await expect(box).toContainText("The Strategic Ledger. (2026, November 10).");
      const copy = box.getByRole("button", { name: "Copy the Chicago reference" });
      if (javaScriptEnabled) {
        await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
        await copy.click();
        await expect(box.getByRole("status").first()).toHaveText("Copied");
        expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
          "Targets Before Capacity.” The Strategic Ledger",
        );
      } else {
        await expect(copy).toBeHidden();
      }
      for (const [name, type] of [
        ["Download BibTeX", "application/x-bibtex; charset=utf-8"],
        ["Download RIS", "application/x-research-info-systems; charset=utf-8"],
      ]) {
        const href = await box.getByRole("link", { name }).getAttribute("href");
        const file = await request.get(href!);
        expect(file.headers()["content-type"]).toBe(type);
        expect(file.headers()["content-disposition"]).toMatch(
          /^attachment; filename="europes-defence-industrial-strategy\.(bib|ris)"$/,
        );
        expect(await file.text()).toContain("Targets Before Capacity");
      }
    });
  });
}

test("at 320 px a table scrolls in its own labelled, focusable region, and the page does not", async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(EUROPE);
  const region = page.getByRole("region", { name: "The strategy’s targets for member states" });
  await expect(region.getByRole("columnheader", { name: "Share" })).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  const box = await region.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(320);
});

test("the page carries the citation tags reference managers read", async ({ page }) => {
  await page.goto(EUROPE);
  const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute("content");
  expect(await meta("citation_title")).toBe(
    "Europe’s Defence-Industrial Strategy: Targets Before Capacity",
  );
  expect(await meta("citation_author")).toBe("The Strategic Ledger");
  expect(await meta("citation_publication_date")).toBe("2026/11/10");
  expect(await meta("citation_journal_title")).toBe("The Strategic Ledger");
  expect(await meta("citation_public_url")).toMatch(
    /\/analysis\/europes-defence-industrial-strategy$/,
  );
});

test("an SVG figure is an image in the page, and opened alone it runs nothing", async ({
  page,
  request,
}) => {
  await page.goto(MIDDLE_EAST);
  const image = page.getByRole("figure").getByRole("img", { name: /^Timeline from 2020 to 2024/ });
  await expect(image).toHaveAttribute(
    "src",
    "/media/the-evolving-security-architecture-of-the-middle-east/three-changes.svg",
  );
  const file = await request.get(
    "/media/the-evolving-security-architecture-of-the-middle-east/three-changes.svg",
  );
  expect(file.headers()["content-type"]).toBe("image/svg+xml");
  expect(file.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect((await request.get("/media/the-end-of-the-blank-check/none.png")).status()).toBe(404);
});

test("/corrections says what it is, links its feed from the footer, and the feed parses", async ({
  page,
  request,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Corrections" }).click();
  await expect(page.getByRole("heading", { name: "Corrections", level: 1 })).toBeVisible();
  await expect(
    page.locator('link[rel="alternate"][type="application/rss+xml"]').first(),
  ).toHaveAttribute("href", /\/corrections\/feed\.xml$/);
  const feed = await request.get("/corrections/feed.xml");
  expect(feed.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const parsed = await page.evaluate(
    (xml) =>
      new DOMParser().parseFromString(xml, "application/xml").querySelector("channel > title")
        ?.textContent,
    await feed.text(),
  );
  expect(parsed).toBe("The Strategic Ledger: corrections");
});

test("a lead image shows at the top at once, on the article's card, and in its structured data", async ({
  page,
  request,
}) => {
  await page.goto(MIDDLE_EAST);
  const lead = page.getByRole("figure").filter({ hasText: "Schematic: The Strategic Ledger." });
  const image = lead.getByRole("img", { name: /^Two diagrams side by side/ });
  await expect(image).toHaveAttribute("loading", "eager");
  await expect(image).toHaveAttribute("fetchpriority", "high");
  await expect(image).toHaveAttribute("width", "1200");
  // It comes before the text: between the header and the first paragraph.
  const [imageTop, textTop] = await Promise.all([
    image.evaluate((element) => element.getBoundingClientRect().top),
    page
      .getByText("For most of the past half-century")
      .evaluate((element) => element.getBoundingClientRect().top),
  ]);
  expect(imageTop).toBeLessThan(textTop);
  const structured = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(structured!).image[0]).toMatch(
    /\/media\/the-evolving-security-architecture-of-the-middle-east\/hub-and-web\.svg$/,
  );
  const social = await request.get(
    "/analysis/the-evolving-security-architecture-of-the-middle-east/social.png",
  );
  expect(social.headers()["content-type"]).toBe("image/png");

  await page.goto("/");
  const card = page
    .getByRole("article")
    .filter({ hasText: "The Evolving Security Architecture of the Middle East" });
  // Beside its title the image says nothing more: it is hidden from screen readers.
  await expect(card.locator("img")).toHaveAttribute("alt", "");
  await expect(card.locator("img")).toHaveAttribute("loading", "lazy");
});
