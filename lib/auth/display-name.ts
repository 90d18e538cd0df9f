import { z } from "zod";
import { characterCount, hasVisibleText, stripInvisible } from "@/lib/text/clean";

export const MAX_DISPLAY_NAME_LENGTH = 50;

/** One line, without unsafe characters, spaces collapsed, at most the given length. */
export function cleanDisplayName(raw: string): string {
  const spaced = raw.normalize("NFC").replace(/[\t\n\v\f\r]/g, " ");
  return stripInvisible(spaced).replace(/\s+/g, " ").trim();
}

/**
 * The name a new account starts with: the provider's name where it gives one, otherwise
 * the part of the address before the "@". Never the whole address, which other readers
 * must not see.
 */
export function defaultDisplayName(providerName: string | null | undefined, email: string): string {
  const fromProvider = cleanDisplayName(providerName ?? "");
  const fromAddress = cleanDisplayName(email.split("@")[0] ?? "");
  const name =
    [fromProvider, fromAddress].find((candidate) => hasVisibleText(candidate)) ?? "Reader";
  return [...name].slice(0, MAX_DISPLAY_NAME_LENGTH).join("").trim();
}

export const displayNameField = z
  .string({ error: "Enter a display name." })
  .transform(cleanDisplayName)
  .refine(hasVisibleText, "Enter a display name.")
  .refine(
    (name) => characterCount(name) <= MAX_DISPLAY_NAME_LENGTH,
    `A display name has at most ${MAX_DISPLAY_NAME_LENGTH} characters.`,
  );
