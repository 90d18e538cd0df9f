import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { CALLBACK_URL_COOKIES } from "./cookies";
import { VERIFY_PAGE } from "./config";

/**
 * Runs before Auth.js's own routes:
 * - a GET of the e-mail callback (a mail scanner, a prefetching client) is sent to the
 *   page with the "Sign in" button, and spends nothing: only that button's POST signs in;
 * - that POST must come from a page of this site (its Origin), so that another site
 *   cannot sign a reader in to an account of its choosing;
 * - Auth.js's own sign-in POST endpoints are closed: sign-in starts from the site's
 *   server actions, which validate the address and apply the rate limits;
 * - a return address (callbackUrl, in the query or its cookie) that is not a web address
 *   is refused with a 400, where Auth.js would answer 500 (InvalidCallbackUrl).
 */
export function guardAuthRoute(request: NextRequest): Response | undefined {
  const action = request.nextUrl.pathname.replace(/^\/api\/auth\/?/, "");
  const siteOrigin = new URL(getConfig().siteUrl).origin;

  const returnAddresses = [
    request.nextUrl.searchParams.get("callbackUrl"),
    ...CALLBACK_URL_COOKIES.map((name) => request.cookies.get(name)?.value),
  ];
  if (returnAddresses.some((address) => address && !isWebAddress(address, siteOrigin))) {
    return new NextResponse("The return address is not a page of this site.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  if (action === "callback/email") {
    if (request.method === "GET") {
      const target = new URL(VERIFY_PAGE, siteOrigin);
      target.search = request.nextUrl.search;
      return NextResponse.redirect(target, 303);
    }
    if (request.headers.get("origin") !== siteOrigin) {
      return new NextResponse(
        "This sign-in request did not come from this site's sign-in page. Open the link from your email and press “Sign in”.",
        { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } },
      );
    }
  }

  if (request.method === "POST" && (action === "signin" || action.startsWith("signin/"))) {
    return new NextResponse(`Sign in at ${siteOrigin}/signin.`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return undefined;
}

/** What Auth.js accepts as a return address: an http(s) URL, or a path on the site. */
function isWebAddress(address: string, origin: string): boolean {
  try {
    return /^https?:$/.test(
      new URL(address, address.startsWith("/") ? origin : undefined).protocol,
    );
  } catch {
    return false;
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Auth.js's redirects, on SITE_URL's origin exactly. Next.js hands Auth.js a request whose
 * address names 127.0.0.1 or [::1] as "localhost", so with SITE_URL=http://127.0.0.1:PORT its
 * error redirects (a used or tampered link, a second press, a missing CSRF token) left the
 * site for http://localhost:PORT, another origin with none of the reader's cookies.
 */
export function onSiteOrigin(response: Response): Response {
  const location = response.headers.get("location");
  if (!location) return response;
  const site = new URL(getConfig().siteUrl);
  let target: URL;
  try {
    target = new URL(location, site);
  } catch {
    return response;
  }
  const alias =
    target.origin !== site.origin &&
    target.protocol === site.protocol &&
    target.port === site.port &&
    LOOPBACK.has(target.hostname) &&
    LOOPBACK.has(site.hostname);
  if (!alias) return response;
  target.host = site.host;
  const headers = new Headers(response.headers);
  headers.set("location", target.toString());
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
