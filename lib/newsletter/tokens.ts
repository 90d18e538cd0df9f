import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

/**
 * Tokens for the newsletter's links. A confirmation token is random, mailed once and stored
 * only as its SHA-256; an unsubscribe token is an HMAC of the subscriber's id with the
 * site's secret, so every newsletter mail can carry one without storing it. All are
 * compared in constant time.
 */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What is kept of an address after unsubscribing, to honour the choice. */
export function addressHash(address: string): string {
  return sha256(address.toLowerCase());
}

export function unsubscribeToken(subscriberId: string): string {
  return createHmac("sha256", getAuthSecret())
    .update(`unsubscribe:${subscriberId}`)
    .digest("base64url");
}

export function isUnsubscribeToken(subscriberId: string, token: string): boolean {
  return sameSecret(token, unsubscribeToken(subscriberId));
}
