import { describe, expect, it } from "vitest";
import { WORDS_PER_MINUTE, countWords, readingMinutes } from "@/lib/content/reading-time";

describe("reading time", () => {
  it("counts words across spaces, line breaks and punctuation", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  one\ntwo\tthree — four  ")).toBe(5);
  });

  it("rounds up to whole minutes and never shows zero", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(WORDS_PER_MINUTE)).toBe(1);
    expect(readingMinutes(WORDS_PER_MINUTE + 1)).toBe(2);
    expect(readingMinutes(WORDS_PER_MINUTE * 4)).toBe(4);
  });
});
