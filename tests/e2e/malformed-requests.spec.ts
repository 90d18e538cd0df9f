import { request as httpRequest } from "node:http";
import { postForm, readForm } from "../../scripts/lib/forms.mjs";
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

function rawStatus(method: string, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${APP_URL}${pathname}`, { method }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

/** The newsletter form's server action, as the page carries it. */
async function newsletterAction(): Promise<string> {
  const html = await (await fetch(`${APP_URL}/newsletter`)).text();
  const id = /id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  if (!id) throw new Error("no server action on /newsletter");
  return id;
}

test("requests Next.js cannot handle are answered with their 4xx, never a 500", async () => {
  const script = /\/_next\/static\/[^"]+\.js/.exec(await (await fetch(`${APP_URL}/`)).text())?.[0];
  expect(script).toBeTruthy();
  const action = await newsletterAction();
  const plainForm = (fields: Record<string, string>) => {
    const form = new FormData();
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", JSON.stringify({ id: action, bound: "$@1" }));
    form.append("$ACTION_1:1", "[null]");
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  };
  const manyParts = `${"--b\r\n\r\n\r\n".repeat(50_000)}--b--\r\n`;
  const cases: [string, string, RequestInit, number][] = [
    ["PUT on the build's files", script!, { method: "PUT" }, 405],
    ["DELETE on the build's files", script!, { method: "DELETE" }, 405],
    ["PATCH on the build's files", script!, { method: "PATCH" }, 405],
    ["OPTIONS on the build's files", script!, { method: "OPTIONS" }, 405],
    ["PUT on a page", "/", { method: "PUT" }, 405],
    [
      "a script as the return address",
      "/api/auth/session?callbackUrl=javascript:alert(1)",
      {},
      400,
    ],
    [
      "a server action without its multipart boundary",
      "/newsletter",
      {
        method: "POST",
        headers: { "content-type": "multipart/form-data", "next-action": action },
        body: "x",
      },
      400,
    ],
    [
      "a server action whose argument is not JSON",
      "/newsletter",
      {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8", "next-action": action },
        body: "[{bad",
      },
      400,
    ],
    [
      "a plain form post whose bound argument is not JSON",
      "/newsletter",
      {
        method: "POST",
        body: (() => {
          const form = plainForm({ email: "x@example.com" });
          form.set("$ACTION_1:0", "{bad");
          return form;
        })(),
      },
      400,
    ],
    [
      "a server action of 50,000 parts",
      "/newsletter",
      {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=b", "next-action": action },
        body: manyParts,
      },
      413,
    ],
    [
      "a form over 1 MB",
      "/newsletter",
      { method: "POST", body: plainForm({ email: "x".repeat(1_200_000) }) },
      413,
    ],
  ];
  for (const [what, pathname, init, status] of cases) {
    const response = await fetch(`${APP_URL}${pathname}`, { redirect: "manual", ...init });
    expect(response.status, what).toBe(status);
  }
  // The Fetch API will not send these methods at all: node:http will.
  for (const [method, pathname] of [
    ["TRACE", "/api/health"],
    ["TRACE", "/analysis/the-end-of-the-blank-check"],
    ["TRACE", "/feed.xml"],
  ] as const) {
    expect(await rawStatus(method, pathname), `${method} ${pathname}`).toBe(405);
  }
  // A method HTTP does not know never reaches the site: Node.js's parser answers 400.
  expect(await rawStatus("TRACK", "/feed.xml")).toBe(400);
  // And a sound form post still goes through (from a client of its own, so that the
  // per-client signup limit counts this run alone).
  const form = await readForm(APP_URL, "/newsletter", { field: "email" });
  const sound = await postForm(
    form,
    { email: "sound-form@example.com" },
    { headers: { "x-forwarded-for": `10.9.${Date.now() % 250}.${process.pid % 250}` } },
  );
  expect(sound.status).toBe(200);
  expect(sound.body).toContain("Check your inbox");
});

test("the process's own cache expiry is a 404 to anyone else, whatever key they try", async ({
  request,
}) => {
  const cache = async () => (await request.get("/privacy")).headers()["x-nextjs-cache"];
  // A page no comment changes, so that only an expiry of everything would make it again.
  await expect.poll(cache).toBe("HIT");
  const expire = (headers: Record<string, string>) =>
    request.post("/api/internal/expire", { headers, data: { everything: true } });
  for (const headers of [
    {} as Record<string, string>,
    { "x-expiry-key": "" },
    { "x-expiry-key": "00".repeat(32) },
    { "x-expiry-key": "zz" },
    { "x-expiry-key": "00".repeat(4096) },
  ]) {
    const response = await expire(headers);
    expect(response.status(), JSON.stringify(headers).slice(0, 40)).toBe(404);
  }
  // Nothing was expired: the page is still served from the cache.
  expect(await cache()).toBe("HIT");
});
