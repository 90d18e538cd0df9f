import { describe, expect, it } from "vitest";
import {
  deserialiseFollows,
  followChoices,
  followsExist,
  followsField,
  followsFrom,
  MAX_FOLLOWS,
  serialiseFollows,
} from "@/lib/newsletter/follows";

describe("what a subscriber follows, from the form", () => {
  it("reads one ticked box or several; none is everything", () => {
    expect(followsFrom(followsField.parse("topic:europe"))).toEqual({
      topics: ["europe"],
      authors: [],
    });
    expect(
      followsFrom(followsField.parse(["topic:europe", "author:the-desk", "topic:europe"])),
    ).toEqual({ topics: ["europe"], authors: ["the-desk"] });
    expect(followsFrom(followsField.parse(undefined))).toBeNull();
    expect(followsFrom([])).toBeNull();
  });

  it("refuses what is not a choice from the list, and too many", () => {
    for (const value of ["topic:<script>", "everything", "topic:", "user:1", "topic:Europe"]) {
      expect(followsField.safeParse([value]).success, value).toBe(false);
    }
    const many = Array.from({ length: MAX_FOLLOWS + 1 }, (_, index) => `topic:t${index}`);
    expect(followsField.safeParse(many).success).toBe(false);
  });

  it("checks each choice against the topics and authors that exist", () => {
    const known = { topics: new Set(["europe"]), authors: new Set(["the-desk"]) };
    expect(followsExist({ topics: ["europe"], authors: ["the-desk"] }, known)).toBe(true);
    expect(followsExist({ topics: ["atlantis"], authors: [] }, known)).toBe(false);
    expect(followsExist(null, known)).toBe(true);
  });

  it("carries a choice through the queue as it was, and ticks its boxes again", () => {
    const follows = { topics: ["europe"], authors: ["the-desk"] };
    expect(deserialiseFollows(serialiseFollows(follows))).toEqual(follows);
    expect(deserialiseFollows(null)).toBeNull();
    expect(deserialiseFollows("not json")).toBeNull();
    expect(followChoices(follows)).toEqual(["topic:europe", "author:the-desk"]);
  });
});
