import { describe, expect, it } from "vitest";
import { cleanDisplayName, defaultDisplayName, displayNameField } from "@/lib/auth/display-name";

describe("display names", () => {
  it("removes control, bidirectional and zero-width characters, and collapses spaces", () => {
    expect(cleanDisplayName("  Ada\u0000 \u202eLovelace\u2066\u200b\u0007 ")).toBe("Ada Lovelace");
    expect(cleanDisplayName("Line\nbreak\tand tab")).toBe("Line break and tab");
  });

  it("keeps letters of every script and emoji sequences", () => {
    expect(cleanDisplayName("Zoë Ødegård 李雷 👩‍💻")).toBe("Zoë Ødegård 李雷 👩‍💻");
  });

  it("defaults to the provider's name, else the address's local part, never the address", () => {
    expect(defaultDisplayName("Olive Reader", "olive@example.com")).toBe("Olive Reader");
    expect(defaultDisplayName(null, "olive.reader@example.com")).toBe("olive.reader");
    expect(defaultDisplayName("\u202e", "x@example.com")).toBe("x");
    expect(defaultDisplayName("n".repeat(80), "x@example.com")).toHaveLength(50);
  });

  it("takes 1 to 50 characters, counting characters rather than code units", () => {
    expect(displayNameField.safeParse("😀".repeat(50)).success).toBe(true);
    expect(displayNameField.safeParse("a".repeat(51)).error?.issues[0]?.message).toBe(
      "A display name has at most 50 characters.",
    );
    expect(displayNameField.safeParse(" \u202e ").error?.issues[0]?.message).toBe(
      "Enter a display name.",
    );
  });
});
