import { describe, expect, it } from "vitest";
import { actionBodyProblem, MAX_FORM_PARTS } from "@/lib/http/action-body";
import {
  aliasFor,
  BODY_LIMIT_BYTES,
  hasSessionCookie,
  isMissing,
  refusalFor,
} from "@/lib/http/front-door";
import { MISSING_PATH } from "@/lib/http/missing";
import { SEARCH_RESULTS_PREFIX, searchOfKey } from "@/lib/search/address";

describe("the front door", () => {
  it.each([
    ["TRACE", "/api/health", 405],
    ["TRACK", "/", 405],
    ["PROPFIND", "/analysis/x", 405],
    ["PUT", "/_next/static/chunks/a.js", 405],
    ["DELETE", "/_next/static/chunks/a.js", 405],
    ["OPTIONS", "/_next/static/chunks/a.js", 405],
    ["POST", "/_next/static/chunks/a.js", 405],
    ["PUT", "/", 405],
    ["PATCH", "/analysis/x", 405],
  ])("refuses %s %s with %i and says which methods it takes", (method, url, status) => {
    const refusal = refusalFor(method, url, {});
    expect(refusal?.status).toBe(status);
    expect(refusal?.headers.Allow).toMatch(/^GET, HEAD/);
  });

  it.each([
    ["GET", "/_next/static/chunks/a.js"],
    ["HEAD", "/"],
    ["POST", "/analysis/x"],
    ["PUT", "/api/newsletter/unsubscribe"],
    ["OPTIONS", "/api/auth/session"],
  ])("lets %s %s through to Next.js", (method, url) => {
    expect(refusalFor(method, url, { "content-length": "10" })).toBeNull();
  });

  it("answers a form over the limit with a page that says so and keeps the reader's text", () => {
    expect(refusalFor("POST", "/", { "content-length": String(BODY_LIMIT_BYTES) })).toBeNull();
    const refusal = refusalFor("POST", "/analysis/x", { "content-length": "1258291" });
    expect(refusal?.status).toBe(413);
    expect(refusal?.headers["Content-Type"]).toContain("text/html");
    expect(refusal?.body).toContain("What you sent is 1.2 MB");
    expect(refusal?.body).toContain("your text is still in the form");
    expect(refusalFor("POST", "/", { "content-length": "-1" })?.status).toBe(400);
  });

  it("answers a search over 200 characters with a 400 page that offers a shorter one", () => {
    const long = encodeURIComponent("<script>".repeat(30));
    for (const path of ["/search", "/signed-in/search"]) {
      const refusal = refusalFor("GET", `${path}?q=${long}&topic=europe`, {});
      expect(refusal?.status).toBe(400);
      expect(refusal?.body).toContain("It has 240 characters; a search takes at most 200.");
      expect(refusal?.body).not.toContain("<script>");
      expect(refusal?.body).toContain('<form action="/search" role="search">');
    }
    expect(refusalFor("GET", `/search?q=${"a".repeat(200)}`, {})).toBeNull();
    expect(refusalFor("GET", "/search?q=%ff%fe", {})).toBeNull();
    expect(refusalFor("GET", "/search", {})).toBeNull();
  });

  it("answers the site's aliases itself: / is page 1, page 1 leads to the bare address", () => {
    expect(aliasFor("GET", "/")).toEqual({ rewrite: "/page/1" });
    expect(aliasFor("POST", "/?x=1")).toEqual({ rewrite: "/page/1?x=1" });
    expect(aliasFor("GET", "/page/1?utm=a")).toEqual({ redirect: "/?utm=a", status: 308 });
    expect(aliasFor("GET", "/topics/israel/page/1")).toEqual({
      redirect: "/topics/israel",
      status: 308,
    });
    expect(aliasFor("GET", "/analysis")).toEqual({ redirect: "/", status: 307 });
    for (const url of ["/page/2", "/topics/israel", "/analysis/x", "/topics/a/b/page/1"]) {
      expect(aliasFor("GET", url), url).toBeNull();
    }
    expect(aliasFor("POST", "/page/1")).toBeNull();
  });

  it("sends an anonymous search to its cached results page, one page per search however it is written", () => {
    const results = (url: string, signedIn = false) => {
      const alias = aliasFor("GET", url, signedIn);
      return alias && "rewrite" in alias ? alias.rewrite : null;
    };
    const iron = results("/search?q=Iron+Beam");
    expect(iron).toMatch(new RegExp(`^${SEARCH_RESULTS_PREFIX}[A-Za-z0-9_-]+$`));
    // Spacing, order and parameters the page does not read make no second copy.
    expect(results("/search?utm_source=x&q=%20Iron%20%20Beam%20&_rsc=1")).toBe(iron);
    const filtered = results("/search?page=2&kind=analysis&topic=europe&q=Iron+Beam");
    expect(filtered).not.toBe(iron);
    expect(searchOfKey(filtered!.slice(SEARCH_RESULTS_PREFIX.length))).toEqual({
      q: "Iron Beam",
      topic: "europe",
      kind: "analysis",
      page: "2",
    });
    // Nothing to search: the prerendered box. A hostile query is a key like any other.
    expect(results("/search")).toBeNull();
    expect(results("/search?page=1&topic=%3Cb%3E")).toBeNull();
    expect(results("/search?q=%ff")).toMatch(/^\/search\/results\/[A-Za-z0-9_-]+$/);
    expect(searchOfKey(results("/search?q=../../x%2f")!.split("/").pop()!)).toEqual({
      q: "../../x/",
    });
    // A signed-in reader's search goes on to proxy.ts; the results' own addresses are no page.
    expect(results("/search?q=Iron", true)).toBeNull();
    expect(results(`${iron}`)).toBe(MISSING_PATH);
    expect(searchOfKey("not a key!")).toEqual({});
  });

  it("knows a session cookie among others", () => {
    expect(hasSessionCookie(undefined)).toBe(false);
    expect(hasSessionCookie("theme=dark; authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("__Secure-authjs.session-token=abc")).toBe(true);
    expect(hasSessionCookie("xauthjs.session-token=abc; authjs.callback-url=x")).toBe(false);
  });

  it("asks for a length, but for Next.js forwarding an action to itself", () => {
    const chunked = { "transfer-encoding": "chunked" };
    expect(refusalFor("POST", "/", chunked)?.status).toBe(411);
    expect(refusalFor("POST", "/", { ...chunked, "x-action-forwarded": "1" })?.status).toBe(411);
    expect(refusalFor("POST", "/", { ...chunked, "x-action-forwarded": "1" }, true)).toBeNull();
  });
});

function post(body: string | FormData, headers: Record<string, string> = {}) {
  return new Request("http://localhost/newsletter", { method: "POST", body, headers });
}

describe("a server action's body", () => {
  it("passes a sound form, a plain form post and a fetch action alike", async () => {
    const form = new FormData();
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", '{"id":"7f00","bound":"$@1"}');
    form.append("$ACTION_1:1", "[null]");
    form.append("email", "reader@example.com");
    expect(await actionBodyProblem(post(form))).toBeNull();
    const fetched = new FormData();
    fetched.append("1_email", "reader@example.com");
    fetched.append("0", '["$K1"]');
    expect(await actionBodyProblem(post(fetched, { "next-action": "7f00" }))).toBeNull();
    expect(
      await actionBodyProblem(
        post('["$K1"]', { "next-action": "7f00", "content-type": "text/plain" }),
      ),
    ).toBeNull();
  });

  it("refuses what Next.js cannot decode with a 400", async () => {
    expect(
      await actionBodyProblem(post("x", { "content-type": "multipart/form-data" })),
    ).toMatchObject({ status: 400 });
    expect(
      await actionBodyProblem(
        post("[{bad", { "next-action": "7f00", "content-type": "text/plain" }),
      ),
    ).toMatchObject({ status: 400 });
    const form = new FormData();
    form.append("$ACTION_1:0", "{bad");
    expect(await actionBodyProblem(post(form))).toMatchObject({ status: 400 });
    const fetched = new FormData();
    fetched.append("0", "[unclosed");
    expect(await actionBodyProblem(post(fetched, { "next-action": "7f00" }))).toMatchObject({
      status: 400,
    });
    expect(
      await actionBodyProblem(
        post("--b\r\ngarbage", { "content-type": "multipart/form-data; boundary=b" }),
      ),
    ).toMatchObject({ status: 400 });
  });

  it(`refuses more than ${MAX_FORM_PARTS} parts with a 413, before parsing them`, async () => {
    const parts = "--b\r\n\r\n\r\n".repeat(50_000) + "--b--\r\n";
    expect(
      await actionBodyProblem(post(parts, { "content-type": "multipart/form-data; boundary=b" })),
    ).toMatchObject({ status: 413 });
  });
});

describe("pages that do not exist", () => {
  const exists = (pathname: string) =>
    pathname === "/analysis/known" ? true : pathname.startsWith("/analysis/") ? false : null;

  it.each([
    ["/analysis/unknown", true],
    ["/analysis/known", false],
    ["/analysis/known?x=%ff", false],
    ["/analysis/%ff", true],
    ["/analysis/..%2f..%2fetc%2fpasswd", true],
    ["/analysis/%3Cscript%3Ealert(1)%3C%2Fscript%3E", true],
    ["/api/health", false],
  ])("%s is missing: %s", async (url, missing) => {
    expect(await isMissing(url, exists)).toBe(missing);
  });
});
