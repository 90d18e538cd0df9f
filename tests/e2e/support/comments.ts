import type { Page } from "@playwright/test";
import { expect } from "./readers";

export const ARTICLES = {
  flagship: "/analysis/the-end-of-the-blank-check",
  middleEast: "/analysis/the-evolving-security-architecture-of-the-middle-east",
  europe: "/analysis/europes-defence-industrial-strategy",
} as const;

export function commentsRegion(page: Page) {
  return page.getByRole("region", { name: /^Comments \(\d+\)$/ });
}

/** The comment (an <article>) whose text contains the given words. */
export function commentWith(page: Page, text: string) {
  return commentsRegion(page).getByRole("article").filter({ hasText: text });
}

/** Posts a top-level comment from the form under the article, and waits for it to be stored. */
export async function postComment(page: Page, text: string) {
  const region = commentsRegion(page);
  const field = region.getByRole("textbox", { name: "Comment" }).first();
  await field.fill(text);
  await region.getByRole("button", { name: "Post comment" }).click();
  const shown = text.split("\n")[0]!.replace(/[*_`]/g, "");
  await expect(commentWith(page, shown).first()).toBeVisible();
  // The page has settled on the stored comment: the form is empty and ready again.
  await expect(page).toHaveURL(/#comment-[0-9a-f-]+$/);
  await expect(field).toHaveValue("");
}

/** A unique marker for a test's comments, so that parallel tests never see each other's. */
export function marker(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
