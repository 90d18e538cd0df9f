import { APP_URL } from "./support/env";
import { expect, test } from "./support/readers";

/**
 * Addresses that cannot be decoded are a client's mistake: 404, never a 500 that reads as a
 * fault of the site in its logs (Next.js answers some with 500: vercel/next.js#92527).
 */
const MALFORMED = [
  "/analysis/%ff",
  "/topics/%E0%A4%A",
  "/%ff",
  "/%",
  "/analysis/%",
  "/analysis/%c0%af",
  "/analysis/the-end-of-the-blank-check/%ff",
  "/topics/%E0%A4%A/%zz",
  "/signin/%ff",
  "/api/health/%ff",
  "/feed.xml%ff",
  "/_next/static/%ff",
];

for (const signedIn of [false, true]) {
  test(`undecodable paths answer 404, never 500 (${signedIn ? "with" : "without"} a session cookie)`, async () => {
    for (const pathname of MALFORMED) {
      const response = await fetch(`${APP_URL}${pathname}`, {
        headers: signedIn ? { cookie: "authjs.session-token=not-a-session" } : {},
      });
      expect(response.status, pathname).toBe(404);
    }
  });
}

test("a malformed query string is ignored, not an error", async () => {
  for (const pathname of [
    "/?q=%ff",
    "/analysis/the-end-of-the-blank-check?x=%E0%A4%A",
    "/topics?%",
  ]) {
    expect((await fetch(`${APP_URL}${pathname}`)).status, pathname).toBe(200);
  }
});
