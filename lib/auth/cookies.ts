/**
 * Auth.js's cookies, by the names it gives them: with the __Secure- prefix when the site is
 * served over https (SITE_URL), without it otherwise. The proxy's matcher must spell the
 * session cookie's names out (Next.js reads it statically); tests/unit/proxy.test.ts checks
 * that it spells these.
 */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;
export const CALLBACK_URL_COOKIES = [
  "authjs.callback-url",
  "__Secure-authjs.callback-url",
] as const;

/** The session cookie's name for a site at this address. */
export function sessionCookieFor(siteUrl: string): string {
  return siteUrl.startsWith("https:") ? SESSION_COOKIES[1] : SESSION_COOKIES[0];
}
