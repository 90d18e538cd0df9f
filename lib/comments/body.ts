import { z } from "zod";
import { characterCount, hasVisibleText, stripInvisible } from "@/lib/text/clean";
import { formatComment } from "./format";
import { MAX_COMMENT_LENGTH, MAX_COMMENT_LINKS } from "./limits";

/**
 * A comment as it will be stored: line breaks normalised, control, direction and invisible
 * characters removed (lib/text/clean.ts), trailing spaces and blank lines at either end
 * trimmed. Otherwise exactly as written.
 */
export function cleanCommentBody(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, "    ")
    .split("\n")
    .map((line) => stripInvisible(line.normalize("NFC")).replace(/\s+$/u, ""))
    .join("\n")
    .trim();
}

/** What a refused comment is told, with its length, so the reader knows how much to cut. */
export function tooLongMessage(length: number): string {
  return `A comment has at most ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters; this one has ${length.toLocaleString("en-GB")}.`;
}

export interface CommentBody {
  /** What the reader wrote, cleaned. */
  text: string;
  /** The HTML the page shows for it. */
  html: string;
}

/**
 * The comment field of every form that writes one: cleaned, checked and formatted here,
 * once, so that the action stores both the text and its HTML and no page parses it again.
 */
export const commentBodyField = z
  .string({ error: "Write your comment before posting." })
  .transform((raw, context): CommentBody => {
    // Far over the limit: refused before any work proportional to its size beyond counting.
    if (raw.length > MAX_COMMENT_LENGTH * 4) {
      context.addIssue({ code: "custom", message: tooLongMessage(characterCount(raw)) });
      return z.NEVER;
    }
    const text = cleanCommentBody(raw);
    if (!hasVisibleText(text)) {
      context.addIssue({
        code: "custom",
        message: "Write your comment before posting: it is empty.",
      });
      return z.NEVER;
    }
    const length = characterCount(text);
    if (length > MAX_COMMENT_LENGTH) {
      context.addIssue({ code: "custom", message: tooLongMessage(length) });
      return z.NEVER;
    }
    const formatted = formatComment(text);
    if (formatted.links > MAX_COMMENT_LINKS) {
      context.addIssue({
        code: "custom",
        message: `A comment can hold at most ${MAX_COMMENT_LINKS} links.`,
      });
      return z.NEVER;
    }
    return { text, html: formatted.html };
  });
