import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * Links the site signs rather than stores (an unsubscribe link, the hop to a sign-in
 * provider): an HMAC of the purpose and the value with AUTH_SECRET, so that a signature
 * made for one purpose never passes for another. Compared in constant time.
 */
export function sign(purpose: string, value: string): string {
  return createHmac("sha256", getAuthSecret()).update(`${purpose}:${value}`).digest("base64url");
}

export function verifySignature(purpose: string, value: string, signature: string): boolean {
  return sameSecret(signature, sign(purpose, value));
}

/** Two secrets compared in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A random token for a link that works once (stored only as its sha256). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
