import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

async function guard(
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  vi.resetModules();
  vi.stubEnv("SITE_URL", "https://ledger.example");
  const { guardAuthRoute } = await import("@/lib/auth/route-guard");
  return guardAuthRoute(new NextRequest(url, init));
}

const query = "?callbackUrl=%2F&token=abc&email=a%40example.com";

describe("the guard in front of Auth.js's routes", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("sends a GET of the e-mail callback to the page with the button, spending nothing", async () => {
    const response = await guard(`https://ledger.example/api/auth/callback/email${query}`);
    expect(response?.status).toBe(303);
    expect(response?.headers.get("location")).toBe(`https://ledger.example/signin/verify${query}`);
  });

  it("lets the button's POST through only from a page of the site", async () => {
    const url = `https://ledger.example/api/auth/callback/email${query}`;
    expect(
      await guard(url, { method: "POST", headers: { origin: "https://ledger.example" } }),
    ).toBeUndefined();
    for (const origin of ["https://evil.example", "null", ""]) {
      const response = await guard(url, { method: "POST", headers: origin ? { origin } : {} });
      expect(response?.status).toBe(403);
    }
  });

  it("closes Auth.js's own sign-in endpoints, which would skip the limits", async () => {
    const response = await guard("https://ledger.example/api/auth/signin/email", {
      method: "POST",
    });
    expect(response?.status).toBe(404);
  });

  it("leaves the provider callbacks, the session and sign-out alone", async () => {
    expect(
      await guard("https://ledger.example/api/auth/callback/oidc?code=x&state=y"),
    ).toBeUndefined();
    expect(await guard("https://ledger.example/api/auth/session")).toBeUndefined();
    expect(
      await guard("https://ledger.example/api/auth/signout", { method: "POST" }),
    ).toBeUndefined();
  });
});

describe("Auth.js's redirects", () => {
  afterEach(() => vi.unstubAllEnvs());

  async function redirectedTo(siteUrl: string, location: string) {
    vi.resetModules();
    vi.stubEnv("SITE_URL", siteUrl);
    const { onSiteOrigin } = await import("@/lib/auth/route-guard");
    const response = new Response(null, {
      status: 302,
      headers: [
        ["location", location],
        ["set-cookie", "a=1; Path=/"],
        ["set-cookie", "b=2; Path=/"],
      ],
    });
    return onSiteOrigin(response);
  }

  it("stay on SITE_URL's origin when Next.js named its loopback address localhost", async () => {
    const response = await redirectedTo(
      "http://127.0.0.1:3138",
      "http://localhost:3138/signin/error?error=Verification",
    );
    expect(response.headers.get("location")).toBe(
      "http://127.0.0.1:3138/signin/error?error=Verification",
    );
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(
      (await redirectedTo("http://[::1]:3138", "http://localhost:3138/signin")).headers.get(
        "location",
      ),
    ).toBe("http://[::1]:3138/signin");
  });

  it("leave every other address alone: the site's own, and a provider's", async () => {
    for (const location of [
      "http://127.0.0.1:3138/account",
      "https://github.com/login/oauth/authorize?client_id=x",
      "http://localhost:9999/elsewhere",
    ]) {
      expect((await redirectedTo("http://127.0.0.1:3138", location)).headers.get("location")).toBe(
        location,
      );
    }
  });
});
