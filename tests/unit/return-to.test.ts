import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/return-to";

const SITE = "https://ledger.example";

describe("where a reader returns after signing in", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeReturnPath("/analysis/the-end-of-the-blank-check#comments", SITE)).toBe(
      "/analysis/the-end-of-the-blank-check#comments",
    );
    expect(safeReturnPath("/topics?page=2", SITE)).toBe("/topics?page=2");
    expect(safeReturnPath("https://ledger.example/account", SITE)).toBe("/account");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https://ledger.example.evil.example/",
    "https://ledger.example@evil.example/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\tevil",
    "evil.example",
    "",
    "/signin",
    "/signin/verify?token=x",
    "/api/auth/signout",
  ])("sends %j to the home page", (target) => {
    expect(safeReturnPath(target, SITE)).toBe("/");
  });

  it("ignores what is not a string", () => {
    expect(safeReturnPath(undefined, SITE)).toBe("/");
    expect(safeReturnPath(["/account"], SITE)).toBe("/");
  });
});
