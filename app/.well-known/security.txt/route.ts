import { getConfig } from "@/lib/config";

/**
 * The security contact (RFC 9116). Made at build time: its expiry is a year from the build,
 * so that a site built and deployed regularly never serves an expired one. The contact is
 * SECURITY_CONTACT, or security@ the site's own domain.
 */
export const dynamic = "force-static";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function GET() {
  const { siteUrl, securityContact } = getConfig();
  const body = [
    "# Security contact for The Strategic Ledger (RFC 9116).",
    `Contact: ${securityContact}`,
    `Expires: ${new Date(Date.now() + YEAR_MS).toISOString()}`,
    "Preferred-Languages: en",
    `Canonical: ${siteUrl}/.well-known/security.txt`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
