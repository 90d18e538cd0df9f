import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { SESSION_COOKIES } from "@/lib/auth/cookies";
import { SEARCH_RESULTS_PREFIX, searchResultsPath } from "@/lib/search/address";
import { MAX_QUERY_LENGTH } from "@/lib/search/limits";
import { MISSING_PATH } from "./missing";

/**
 * Requests refused before Next.js sees them, because Next.js answers them with a 500 and a
 * stack in the log (it cannot represent them, or throws on them):
 * - methods the Fetch API forbids (TRACE, TRACK, CONNECT) and methods HTTP does not know:
 *   route handlers build a Request from them and throw;
 * - anything but GET and HEAD for the build's files under /_next/;
 * - PUT, DELETE, PATCH and OPTIONS for pages (only route handlers under /api/ take them);
 * - a POST over the server actions' body limit, or without a length: Next.js reads it, then
 *   throws "Body exceeded 1 MB limit". The answer is a page that says what happened, and that
 *   the reader's text is still in the form they came from.
 *
 * And it sends the address of a page that does not exist (an unknown article, topic or
 * page number, or an address that cannot be decoded) to MISSING_PATH, which matches no route:
 * Next.js answers it with app/global-not-found.tsx, a real page with a 404. Left to the page,
 * Next.js's notFound() would answer an empty document that only JavaScript fills in.
 *
 * Installed once per server process (instrumentation.ts), in front of Next.js's own handler.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);
const PAGE_METHODS = "GET, HEAD, POST";

export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SECURITY_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

function text(status: number, message: string, headers: Record<string, string> = {}): Refusal {
  return {
    status,
    headers: { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers },
    body: `${message}\n`,
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}

/**
 * A small page of its own for a refusal a reader meets in the browser: plain HTML that needs
 * nothing from the app, in the site's name. `main` is trusted markup, made here.
 */
function htmlPage(status: number, title: string, main: string): Refusal {
  const body = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} | The Strategic Ledger</title>
<style>
:root { color-scheme: light dark; }
body { font: 1.1rem/1.6 Georgia, serif; max-width: 36rem; margin: 3rem auto; padding: 0 1.25rem; }
input { font: inherit; width: 100%; box-sizing: border-box; }
</style>
<main>
${main}
<p><a href="/">The Strategic Ledger</a></p>
</main>
</html>
`;
  return {
    status,
    headers: { ...SECURITY_HEADERS, "Content-Type": "text/html; charset=utf-8" },
    body,
  };
}

/** The page a reader gets for a form too large to send, JavaScript off. */
function tooLargePage(bytes: number): Refusal {
  return htmlPage(
    413,
    "Too long to send",
    `<h1>Too long to send</h1>
<p>What you sent is ${megabytes(bytes)}; a form on this site takes at most ${megabytes(BODY_LIMIT_BYTES)}, and a comment at most 5,000 characters.</p>
<p>Nothing was saved. Go back with your browser's Back button: your text is still in the form, to shorten it.</p>`,
  );
}

/** The page a reader gets for a search longer than the search takes. */
function searchTooLongPage(characters: number): Refusal {
  return htmlPage(
    400,
    "Search too long",
    `<h1>That search is too long</h1>
<p>It has ${characters.toLocaleString("en-GB")} characters; a search takes at most ${MAX_QUERY_LENGTH}. Try a few words from what you are looking for.</p>
<form action="/search" role="search"><label>Search <input type="search" name="q" maxlength="${MAX_QUERY_LENGTH}"></label> <button>Search</button></form>`,
  );
}

/** What the front door answers for a request, or null to let Next.js have it. */
export function refusalFor(
  method: string,
  url: string,
  headers: {
    "content-length"?: string;
    "transfer-encoding"?: string;
    "x-action-forwarded"?: string | string[];
  },
  fromLoopback = false,
): Refusal | null {
  const pathname = url.split("?")[0] ?? "/";
  if (!KNOWN_METHODS.has(method)) {
    return text(405, `${method} is not a method this site answers.`, { Allow: PAGE_METHODS });
  }
  if (pathname.startsWith("/_next/")) {
    return method === "GET" || method === "HEAD"
      ? null
      : text(405, "These files can only be read.", { Allow: "GET, HEAD" });
  }
  if (!pathname.startsWith("/api/") && method !== "GET" && method !== "HEAD" && method !== "POST") {
    return text(405, `A page of this site cannot be asked with ${method}.`, {
      Allow: PAGE_METHODS,
    });
  }
  if ((pathname === "/search" || pathname === "/signed-in/search") && method === "GET") {
    const query = new URLSearchParams(url.slice(pathname.length + 1)).get("q") ?? "";
    if (query.length > MAX_QUERY_LENGTH) return searchTooLongPage(query.length);
  }
  if (method === "POST") {
    const length = headers["content-length"];
    if (length === undefined) {
      // Next.js forwards a server action to the page that has it over loopback, streamed.
      const forwarded = fromLoopback && headers["x-action-forwarded"] === "1";
      return headers["transfer-encoding"] && !forwarded
        ? text(411, "Send a form with its length (Content-Length).")
        : null;
    }
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      return text(400, "The Content-Length is not valid.");
    if (bytes > BODY_LIMIT_BYTES) return tooLargePage(bytes);
  }
  return null;
}

/**
 * The site's own address aliases, answered here rather than by rewrites and redirects in
 * next.config.mjs, which Next.js evaluates on every request (about 10 % of a cached page
 * view's CPU, measured): "/" is the listing's first page, whose own address (/page/1, or
 * /topics/<slug>/page/1, /authors/<slug>/page/1) leads back to the bare one, and /analysis
 * leads home.
 *
 * And an anonymous reader's search is answered by its cached results page
 * (lib/search/address.ts), whose own address is not one readers can open. A signed-in
 * reader's goes on to proxy.ts, which has it rendered for them.
 */
export function aliasFor(
  method: string,
  url: string,
  signedIn = false,
): { rewrite: string } | { redirect: string; status: 307 | 308 } | null {
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  const search = query === -1 ? "" : url.slice(query);
  if (pathname === "/") return { rewrite: `/page/1${search}` };
  if (pathname.startsWith(SEARCH_RESULTS_PREFIX)) return { rewrite: MISSING_PATH };
  if (method !== "GET" && method !== "HEAD") return null;
  if (pathname === "/search" && search && !signedIn) {
    const results = searchResultsPath(search.slice(1));
    return results ? { rewrite: results } : null;
  }
  if (pathname === "/page/1") return { redirect: `/${search}`, status: 308 };
  const listing = /^(\/(?:topics|authors)\/[^/]+)\/page\/1$/.exec(pathname);
  if (listing) return { redirect: `${listing[1]}${search}`, status: 308 };
  if (pathname === "/analysis" || pathname === "/analysis/") return { redirect: "/", status: 307 };
  return null;
}

/** Whether a Cookie header holds one of Auth.js's session cookies. */
export function hasSessionCookie(header: string | undefined): boolean {
  if (!header) return false;
  return header
    .split(";")
    .some((pair) => (SESSION_COOKIES as readonly string[]).includes(pair.split("=", 1)[0]!.trim()));
}

/** Up to this much of a refused body is read and dropped, so that the client reads the answer. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

function answer(request: IncomingMessage, response: ServerResponse, refusal: Refusal): void {
  const send = () => {
    response.writeHead(refusal.status, {
      ...refusal.headers,
      "Content-Length": Buffer.byteLength(refusal.body),
      Connection: "close",
    });
    response.end(refusal.body);
  };
  const length = Number(request.headers["content-length"] ?? 0);
  // A client still sending when the connection closes never sees the answer (EPIPE): a body
  // of reasonable size is read and dropped first, then answered; a larger one is cut off.
  if (request.complete || length === 0 || length > DRAIN_LIMIT_BYTES) {
    send();
    return;
  }
  const timer = setTimeout(send, 10_000);
  request.once("end", () => {
    clearTimeout(timer);
    send();
  });
  request.once("error", () => clearTimeout(timer));
  request.resume();
}

/**
 * Whether a GET or HEAD for this address (path and query, as sent) is for a page that does
 * not exist: an address that cannot be decoded, or one `exists` says is missing (it answers
 * null for addresses that are not its business, which go to Next.js as they are).
 */
export async function isMissing(
  url: string,
  exists: (pathname: string) => boolean | null | Promise<boolean | null>,
): Promise<boolean> {
  const pathname = url.split("?")[0] ?? "/";
  let segments: string[];
  try {
    segments = pathname.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return true;
  }
  // An encoded slash ("..%2f..%2fetc") is never part of a page's address.
  if (segments.some((segment) => segment.includes("/"))) return true;
  return (await exists(segments.join("/"))) === false;
}

const INSTALLED = Symbol.for("the-strategic-ledger.front-door");

/** Whether a path might be a page at all: what needs the existence check. */
const CHECKED = /^\/(?:signed-in(?:\/|$)|analysis\/|topics\/|authors\/|page\/)|%/;

/** Puts the front door before every HTTP server's request handler in this process. */
export function installFrontDoor(
  exists: (pathname: string) => boolean | null | Promise<boolean | null>,
): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      const address = request.socket.remoteAddress ?? "";
      const loopback = address === "::1" || /^(::ffff:)?127\./.test(address);
      const refusal = refusalFor(
        request.method ?? "GET",
        request.url ?? "/",
        request.headers,
        loopback,
      );
      if (refusal) {
        answer(request, response, refusal);
        return true;
      }
      const alias = aliasFor(
        request.method ?? "GET",
        request.url ?? "/",
        hasSessionCookie(request.headers.cookie),
      );
      if (alias && "redirect" in alias) {
        response.writeHead(alias.status, { Location: alias.redirect, "Content-Length": 0 });
        response.end();
        return true;
      }
      if (alias) request.url = alias.rewrite;
      const reading = request.method === "GET" || request.method === "HEAD";
      if (reading && CHECKED.test(request.url ?? "")) {
        const pass = () => Reflect.apply(emit, this, [event, ...args]) as boolean;
        isMissing(request.url ?? "/", exists).then(
          (missing) => {
            if (missing) request.url = MISSING_PATH;
            pass();
          },
          (error: unknown) => {
            console.error("[front door] could not check an address:", error);
            pass();
          },
        );
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof prototype.emit;
}
