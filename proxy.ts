import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs only for requests that carry an Origin header (see the matcher), that is form posts
 * and server actions, never for a reader's page view. A write must come from a page of the
 * host it is sent to: Next.js checks this for server actions too, but answers a mismatch
 * with a 500; here it is a 403 that says why, before anything runs.
 */
export function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") {
    return NextResponse.next();
  }
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) {
    return new NextResponse(
      "This request did not come from a page of this site, so it was refused. Go back to the page and try again.",
      { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "origin" }] }],
};
