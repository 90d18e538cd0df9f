import { NextResponse, type NextRequest } from "next/server";
import { actionBodyProblem } from "@/lib/http/action-body";

/**
 * Runs only for requests that carry a session cookie or an Origin header, or whose path has
 * a percent sign (see the matcher), never for an anonymous reader's page view, which stays
 * on the cached pages.
 *
 * - A path that cannot be decoded (/analysis/%ff) is answered 404 here: Next.js would answer
 *   it with a 500 (vercel/next.js#92527), which reads as a fault of the site in its logs.
 * - A signed-in reader's request for a public page (and the server actions posted to it) is
 *   rewritten to the same page under app/(member)/signed-in, rendered per request with their
 *   name and controls.
 * - A write (form post, server action) must come from a page of the host it is sent to.
 *   Next.js checks this for server actions too, but answers a mismatch with a 500; here it
 *   is a 403 that says why, before anything runs.
 * - A form post's body must be one Next.js can decode (lib/http/action-body.ts): a 400 or
 *   413 that says why, where Next.js would answer 500.
 *
 * Methods, sizes and the build's own files are checked before this, in the front door
 * (lib/http/front-door.ts), where Next.js cannot represent or would throw on them.
 */

/** Auth.js's session cookie, by its two names (the second when SITE_URL is https). */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PAGE = /^\/(?:analysis\/[^/]+(?:\/newest)?|topics(?:\/[^/]+)?|newsletter|privacy)?$/;

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

function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Page not found</title><main><h1>Page not found</h1><p>This address is not a page of the site. <a href="/">Go to the front page</a>.</p></main></html>`;

export async function proxy(request: NextRequest) {
  const { method, nextUrl } = request;
  if (undecodable(nextUrl.pathname)) {
    return new NextResponse(NOT_FOUND_PAGE, {
      status: 404,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const reading = method === "GET" || method === "HEAD";
  if (!reading && method !== "OPTIONS" && crossSite(request)) {
    return new NextResponse(
      "This request did not come from a page of this site, so it was refused. Go back to the page and try again.",
      { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
  if (method === "POST" && !nextUrl.pathname.startsWith("/api/")) {
    const problem = await actionBodyProblem(request);
    if (problem) {
      return new NextResponse(problem.message, {
        status: problem.status,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  }
  // A signed-in reader's server actions post to the page they were rendered on: they run on
  // the per-reader page too, whose renders are per request.
  if (
    PUBLIC_PAGE.test(nextUrl.pathname) &&
    SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    const target = nextUrl.clone();
    target.pathname = nextUrl.pathname === "/" ? "/signed-in" : `/signed-in${nextUrl.pathname}`;
    return NextResponse.rewrite(target);
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    { source: "/((?!_next/|api/).*)", has: [{ type: "cookie", key: "authjs.session-token" }] },
    {
      source: "/((?!_next/|api/).*)",
      has: [{ type: "cookie", key: "__Secure-authjs.session-token" }],
    },
    { source: "/:path*", has: [{ type: "header", key: "origin" }] },
    // Form posts, whatever headers they lack: their bodies are checked.
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "content-type" }] },
    { source: "/((?!_next/|api/).*)", has: [{ type: "header", key: "next-action" }] },
    // Percent-encoded paths, to refuse those that cannot be decoded.
    "/(.*%.*)",
  ],
};
