import "server-only";
import { sha256, sign, verifySignature } from "@/lib/crypto/signed";

/**
 * The newsletter's links: a confirmation token is random (lib/crypto/signed.ts's newToken),
 * mailed once and stored only as its SHA-256; an unsubscribe token is a signature of the
 * subscriber's id, so every newsletter mail can carry one without storing it.
 */
const PURPOSE = "unsubscribe";

/** What is kept of an address after unsubscribing, to honour the choice. */
export function addressHash(address: string): string {
  return sha256(address.toLowerCase());
}

export function unsubscribeToken(subscriberId: string): string {
  return sign(PURPOSE, subscriberId);
}

export function isUnsubscribeToken(subscriberId: string, token: string): boolean {
  return verifySignature(PURPOSE, subscriberId, token);
}
