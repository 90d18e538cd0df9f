import "server-only";
import { sign, verifySignature } from "@/lib/crypto/signed";

/**
 * Without JavaScript, a sign-in form's POST cannot redirect straight to GitHub or the
 * OpenID Connect provider: the Content-Security-Policy's `form-action 'self'` stops a form
 * submission from ending on another site. The action sends such readers to
 * /signin/continue instead, which moves on to the provider by an ordinary navigation. The
 * provider's address is signed, so that page cannot be used to send anyone elsewhere.
 */
export const CONTINUE_PAGE = "/signin/continue";

const PURPOSE = "provider-redirect";

export function continuePath(url: string): string {
  return `${CONTINUE_PAGE}?${new URLSearchParams({ to: url, sig: sign(PURPOSE, url) })}`;
}

/** The provider's address if the signature holds, otherwise null. */
export function verifiedProviderUrl(url: string | undefined, sig: string | undefined): URL | null {
  if (!url || !sig) return null;
  if (!verifySignature(PURPOSE, url, sig)) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed : null;
  } catch {
    return null;
  }
}
