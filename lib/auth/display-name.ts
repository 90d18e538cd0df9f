import { z } from "zod";

export const MAX_DISPLAY_NAME_LENGTH = 50;

/**
 * Characters removed from anything a reader types that other readers will see: control
 * characters, and the bidirectional overrides, isolates and marks that can make text
 * display in a different order from the one it is stored in ("Trojan Source"), plus
 * invisible zero-width spaces. The zero-width joiner stays: emoji sequences need it.
 */
const UNSAFE_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, "");
}

/** One line, without unsafe characters, spaces collapsed, at most the given length. */
export function cleanDisplayName(raw: string): string {
  const spaced = raw.normalize("NFC").replace(/[\t\n\v\f\r]/g, " ");
  return stripUnsafeCharacters(spaced).replace(/\s+/g, " ").trim();
}

function characterCount(text: string): number {
  return [...text].length;
}

/**
 * The name a new account starts with: the provider's name where it gives one, otherwise
 * the part of the address before the "@". Never the whole address, which other readers
 * must not see.
 */
export function defaultDisplayName(providerName: string | null | undefined, email: string): string {
  const fromProvider = cleanDisplayName(providerName ?? "");
  const fromAddress = cleanDisplayName(email.split("@")[0] ?? "");
  const name = fromProvider || fromAddress || "Reader";
  return [...name].slice(0, MAX_DISPLAY_NAME_LENGTH).join("").trim();
}

export const displayNameField = z
  .string({ error: "Enter a display name." })
  .transform(cleanDisplayName)
  .refine((name) => characterCount(name) >= 1, "Enter a display name.")
  .refine(
    (name) => characterCount(name) <= MAX_DISPLAY_NAME_LENGTH,
    `A display name has at most ${MAX_DISPLAY_NAME_LENGTH} characters.`,
  );
