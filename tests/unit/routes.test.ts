import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIES } from "@/lib/auth/cookies";
import {
  matchPublicRoute,
  publicPathOf,
  publicRoutePath,
  signedInPath,
  type PublicRoute,
} from "@/lib/routes";
import { pageExists } from "@/lib/content/routes";
import { SEARCH_RESULTS_PREFIX } from "@/lib/search/address";
import { config, proxy } from "@/proxy";

/**
 * The route table (lib/routes.ts) against what the app folder and the proxy do: a public
 * page added without its declaration, or declared without its page, fails here; one
 * declared without its signed-in rendering fails the type check.
 */
const PUBLIC_APP = path.resolve("app/(public)");

/** Every page route file under app/(public), as an address with sample values. */
function publicPageAddresses(folder = PUBLIC_APP, prefix = ""): string[] {
  const addresses: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      const segment = entry.name.replace(/^\[number\]$/, "2").replace(/^\[[^\]]+\]$/, "sample");
      addresses.push(...publicPageAddresses(path.join(folder, entry.name), `${prefix}/${segment}`));
    } else if (entry.name === "page.tsx") {
      addresses.push(prefix || "/");
    }
  }
  return addresses;
}

const SAMPLES: PublicRoute[] = [
  { page: "home", number: 1 },
  { page: "home", number: 3 },
  { page: "article", slug: "sample", sort: "oldest" },
  { page: "article", slug: "sample", sort: "newest" },
  { page: "topics" },
  { page: "topic", slug: "sample", number: 1 },
  { page: "topic", slug: "sample", number: 2 },
  { page: "authors" },
  { page: "author", slug: "sample", number: 1 },
  { page: "author", slug: "sample", number: 2 },
  { page: "newsletter" },
  { page: "privacy" },
  { page: "corrections" },
  { page: "search" },
];

describe("the route table", () => {
  it("declares every page under app/(public)", () => {
    const addresses = publicPageAddresses();
    expect(addresses.length).toBeGreaterThanOrEqual(7);
    for (const address of addresses) {
      // The cached rendering of /search?…, reached through the front door only.
      if (`${address}/`.startsWith(`${SEARCH_RESULTS_PREFIX}`)) continue;
      expect(matchPublicRoute(address), `${address} is not in lib/routes.ts`).not.toBeNull();
    }
  });

  it("has a page under app/(public) for every kind it declares", () => {
    const addresses = new Set(publicPageAddresses());
    for (const route of SAMPLES) {
      // The home page is the first page of the listing (next.config.mjs rewrites "/").
      const address = route.page === "home" ? "/page/2" : publicRoutePath(route);
      expect(addresses.has(address), `${address} has no page in app/(public)`).toBe(true);
    }
  });

  it("reads back every path it writes, and nothing else", () => {
    for (const route of SAMPLES) expect(matchPublicRoute(publicRoutePath(route))).toEqual(route);
    for (const path of [
      "/analysis",
      "/analysis/a/b",
      "/page/0",
      "/page/x",
      "/topics/a/b",
      "/topics/a/page/0",
      "/topics/a/page/1/x",
      "/api",
    ]) {
      expect(matchPublicRoute(path), path).toBeNull();
    }
    expect(publicPathOf(signedInPath("/"))).toBe("/");
    expect(publicPathOf(signedInPath("/topics/x"))).toBe("/topics/x");
    expect(publicPathOf("/signed-inx")).toBeNull();
  });
});

describe("what exists, as the front door asks (the site's own content)", () => {
  it("answers for pages, and for the files that belong to them as their page does", async () => {
    const expected: [string, boolean | null][] = [
      ["/analysis/the-end-of-the-blank-check", true],
      ["/analysis/no-such-piece", false],
      ["/analysis/the-end-of-the-blank-check/social.png", true],
      ["/analysis/the-end-of-the-blank-check/cite.ris", true],
      ["/analysis/the-end-of-the-blank-check/comments.xml", true],
      ["/analysis/no-such-piece/comments.xml", false],
      ["/topics/europe/comments.xml", false],
      ["/analysis/no-such-piece/social.png", false],
      ["/analysis/no-such-piece/cite.bib", false],
      ["/analysis/the-end-of-the-blank-check/feed.xml", false],
      ["/topics/europe/feed.xml", true],
      ["/topics/nowhere/feed.xml", false],
      ["/topics/europe/social.png", false],
      ["/authors", true],
      ["/authors/the-strategic-ledger", true],
      ["/authors/the-strategic-ledger/feed.xml", true],
      ["/authors/the-strategic-ledger/page/2", false],
      ["/authors/nobody", false],
      ["/authors/nobody/feed.xml", false],
      ["/signed-in/authors/nobody", false],
      ["/feed.xml", null],
    ];
    for (const [path, exists] of expected) expect(await pageExists(path), path).toBe(exists);
  });
});

function request(
  pathname: string,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  return new NextRequest(`http://localhost:3000${pathname}`, init);
}

function rewrittenTo(response: Response): string | null {
  const target = response.headers.get("x-middleware-rewrite");
  return target ? new URL(target).pathname : null;
}

describe("the proxy", () => {
  it("matches requests carrying each of the session cookie's names", () => {
    const cookies = config.matcher.flatMap((matcher) =>
      typeof matcher === "object" && "has" in matcher
        ? matcher.has.filter((has) => has.type === "cookie").map((has) => has.key)
        : [],
    );
    expect(cookies.sort()).toEqual([...SESSION_COOKIES].sort());
  });

  it("sends a signed-in reader's request for every public page to its per-request variant", async () => {
    for (const route of SAMPLES) {
      const pathname = publicRoutePath(route);
      for (const name of SESSION_COOKIES) {
        const response = await proxy(request(pathname, { headers: { cookie: `${name}=token` } }));
        expect(rewrittenTo(response), `${pathname} with ${name}`).toBe(signedInPath(pathname));
      }
      expect(rewrittenTo(await proxy(request(pathname))), pathname).toBeNull();
    }
  });

  it("leaves other addresses alone, signed in or not", async () => {
    for (const pathname of [
      "/api/health",
      "/signin",
      "/account",
      "/_next/static/x.js",
      "/feed.xml",
      "/%ff",
    ]) {
      const response = await proxy(
        request(pathname, { headers: { cookie: "authjs.session-token=token" } }),
      );
      expect(rewrittenTo(response), pathname).toBeNull();
      expect(response.status, pathname).toBe(200);
    }
  });

  it("refuses writes from another site with a 403, and lets the site's own through", async () => {
    const write = (origin: string) =>
      proxy(
        request("/newsletter", {
          method: "POST",
          headers: {
            origin,
            host: "localhost:3000",
            "content-type": "text/plain",
            "next-action": "x",
          },
        }),
      );
    expect((await write("https://evil.example")).status).toBe(403);
    expect((await write("null")).status).toBe(403);
    expect((await write("http://localhost:3000")).status).toBe(400); // its body is not JSON
  });
});
