import { z } from "zod";
import { getConfig } from "@/lib/config";
/**
 * Where a reader goes after signing in: a path on this site, or the home page. Anything
 * that could lead off the site is refused: other origins, protocol-relative "//host",
 * "/\host" (which browsers read as "//host"), other schemes, and control characters.
 */
export function safeReturnPath(value: unknown, siteUrl: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  const site = new URL(siteUrl);
  let target: URL;
  try {
    target = new URL(value, site);
  } catch {
    return "/";
  }
  const isPath = value.startsWith("/") && !value.startsWith("//");
  const isOwnAbsolute = value === site.origin || value.startsWith(`${site.origin}/`);
  if (!(isPath || isOwnAbsolute) || target.origin !== site.origin) return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Returning to the sign-in pages after signing in would loop.
  if (
    target.pathname === "/signin" ||
    target.pathname.startsWith("/signin/") ||
    target.pathname.startsWith("/api/")
  )
    return "/";
  return path;
}

/**
 * A form's "return here" field: where the reader goes after the action, always a path on
 * this site ("/" for anything else).
 */
export const returnToField = z
  .string()
  .optional()
  .transform((value) => safeReturnPath(value, getConfig().siteUrl));
