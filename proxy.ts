import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, sessionCookieFor } from "@/lib/auth/cookies";
import { viewerBySessionToken } from "@/lib/auth/viewer";
import { getConfig } from "@/lib/config";
import { isDatabaseUnavailable } from "@/lib/db/client";
import { MISSING_PATH } from "@/lib/http/missing";
import { actionBodyProblem } from "@/lib/http/action-body";
import { matchPublicRoute, signedInPath } from "@/lib/routes";

/**
 * Runs only for requests that carry a session cookie, an Origin header or a body (see the
 * matcher), never for an anonymous reader's page view, which stays on the cached pages.
 *
 * - A signed-in reader's request for a public page (lib/routes.ts), and the server actions
 *   posted to it, is rewritten to the same page under /signed-in, rendered per request with
 *   their name and controls.
 * - A write (form post, server action) must come from a page of the host it is sent to.
 *   Next.js checks this for server actions too, but answers a mismatch with a 500; here it
 *   is a 403 that says why, before anything runs.
 * - A form post's body must be one Next.js can decode (lib/http/action-body.ts): a 400 or
 *   413 that says why, where Next.js would answer 500.
 * - A signed-in reader who is not a moderator gets the not-found page for the moderators'
 *   pages, as for any address that is not a page (the pages check the role again).
 *
 * Methods, sizes, undecodable addresses and pages that do not exist are dealt with before
 * this, in the front door (lib/http/front-door.ts).
 */
function crossSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function decoded(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function plain(message: string, status: number): NextResponse {
  return new NextResponse(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

async function signedInButNotModerator(request: NextRequest): Promise<boolean> {
  const token = request.cookies.get(sessionCookieFor(getConfig().siteUrl))?.value;
  if (!token) return false;
  try {
    const viewer = await viewerBySessionToken(token);
    return viewer !== null && !viewer.isModerator;
  } catch (error) {
    // The page itself says the database is away.
    if (isDatabaseUnavailable(error)) return false;
    throw error;
  }
}

export async function proxy(request: NextRequest) {
  const { method, nextUrl } = request;
  const reading = method === "GET" || method === "HEAD";
  if (!reading && method !== "OPTIONS" && crossSite(request)) {
    return plain(
      "This request did not come from a page of this site, so it was refused. Go back to the page and try again.",
      403,
    );
  }
  if (method === "POST" && !nextUrl.pathname.startsWith("/api/")) {
    const problem = await actionBodyProblem(request);
    if (problem) return plain(problem.message, problem.status);
  }
  if (
    reading &&
    (nextUrl.pathname === "/admin" || nextUrl.pathname.startsWith("/admin/")) &&
    (await signedInButNotModerator(request))
  ) {
    const target = nextUrl.clone();
    target.pathname = MISSING_PATH;
    return NextResponse.rewrite(target);
  }
  const path = decoded(nextUrl.pathname);
  if (
    path !== null &&
    matchPublicRoute(path) &&
    SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    const target = nextUrl.clone();
    target.pathname = signedInPath(nextUrl.pathname);
    return NextResponse.rewrite(target);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    // The names of lib/auth/cookies.ts's SESSION_COOKIES (checked by tests/unit/proxy.test.ts).
    { source: "/((?!_next/|api/).*)", has: [{ type: "cookie", key: "authjs.session-token" }] },
    {
      source: "/((?!_next/|api/).*)",
      has: [{ type: "cookie", key: "__Secure-authjs.session-token" }],
    },
    { source: "/:path*", has: [{ type: "header", key: "origin" }] },
    // Form posts, whatever headers they lack: their bodies are checked.
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "content-type" }] },
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
