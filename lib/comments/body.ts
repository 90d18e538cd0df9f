import { z } from "zod";
import { stripUnsafeCharacters } from "@/lib/auth/display-name";

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_COMMENT_LINKS = 10;

/** Web and mail addresses in a comment, linked or not: what the link limit counts. */
const ADDRESS = /\b(?:https?:\/\/|mailto:|www\.)/gi;

export function countAddresses(text: string): number {
  return text.match(ADDRESS)?.length ?? 0;
}

/**
 * A comment as it will be stored: line breaks normalised, control characters (but line
 * breaks and tabs) and direction overrides removed, trimmed. Otherwise exactly as written;
 * it is rendered as text with a small Markdown subset, never as HTML.
 */
export function cleanCommentBody(raw: string): string {
  const lines = raw.replace(/\r\n?/g, "\n").replace(/\t/g, "    ");
  return lines
    .split("\n")
    .map((line) => stripUnsafeCharacters(line.normalize("NFC")).replace(/\s+$/, ""))
    .join("\n")
    .trim();
}

export const commentBodyField = z
  .string({ error: "Write your comment before posting." })
  .transform(cleanCommentBody)
  .superRefine((body, context) => {
    const length = [...body].length;
    if (length === 0) {
      context.addIssue({
        code: "custom",
        message: "Write your comment before posting: it is empty.",
      });
    } else if (length > MAX_COMMENT_LENGTH) {
      context.addIssue({
        code: "custom",
        message: `A comment has at most ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters; this one has ${length.toLocaleString("en-GB")}.`,
      });
    } else if (countAddresses(body) > MAX_COMMENT_LINKS) {
      context.addIssue({
        code: "custom",
        message: `A comment can hold at most ${MAX_COMMENT_LINKS} links.`,
      });
    }
  });
