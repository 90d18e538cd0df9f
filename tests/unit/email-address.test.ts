import { describe, expect, it } from "vitest";
import { checkEmailAddress } from "@/lib/mail/address";

describe("e-mail addresses", () => {
  it("accepts one bare address, trimmed and lower-cased", () => {
    expect(checkEmailAddress("  Ada.Lovelace+news@Example.ORG ")).toEqual({
      ok: true,
      address: "ada.lovelace+news@example.org",
    });
    expect(checkEmailAddress("reader@xn--bcher-kva.example")).toMatchObject({ ok: true });
  });

  it.each([
    ["a line break with a header", "victim@example.com\r\nBcc: mallory@example.com", "line-break"],
    ["a bare line feed", "victim@example.com\n", "line-break"],
    ["a display name", "Mallory <mallory@example.com>", "display-name"],
    ["a quoted local part", '"mallory"@example.com', "display-name"],
    ["two addresses", "a@example.com b@example.com", "display-name"],
    ["a full-width at sign", "mallory＠example.com", "not-ascii"],
    ["a Cyrillic a", "mаllory@example.com", "not-ascii"],
    ["a zero-width space", "mal\u200blory@example.com", "not-ascii"],
    ["over 254 characters", `${"a".repeat(64)}@${"b".repeat(186)}.com`, "too-long"],
    ["a local part over 64 characters", `${"a".repeat(65)}@example.com`, "malformed"],
    ["a comma", "a@example.com,b@example.com", "malformed"],
    ["two at signs", "a@b@example.com", "malformed"],
    ["no domain", "a@", "malformed"],
    ["no top-level domain", "a@localhost", "malformed"],
    ["a leading dot", ".a@example.com", "malformed"],
    ["nothing", "   ", "empty"],
  ])("refuses %s", (_case, input, problem) => {
    expect(checkEmailAddress(input)).toEqual({ ok: false, problem });
  });
});
