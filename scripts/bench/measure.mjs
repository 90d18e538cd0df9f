/** What the benchmark measures on a running server: bytes, Lighthouse, throughput. */
import { encodeVariant } from "../../lib/content/encode-variant.mjs";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const LOAD = { connections: 10, duration: 10 };

function gzipSize(content) {
  return gzipSync(content, { level: 9 }).length;
}

async function gzipBytes(url) {
  return gzipSize(Buffer.from(await (await fetch(url)).arrayBuffer()));
}

/** The page's HTML and the JavaScript it loads (module scripts; noModule polyfills aside), gzip. */
export async function transferSizes(base, html) {
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .map((match) => match[1])
    .filter((attributes) => !/noModule/i.test(attributes))
    .map((attributes) => /src="([^"]+)"/.exec(attributes)?.[1])
    .filter(Boolean);
  const jsBytes = (await Promise.all(scripts.map((src) => gzipBytes(new URL(src, base))))).reduce(
    (sum, bytes) => sum + bytes,
    0,
  );
  const inlineJs = [
    ...html.matchAll(/<script(?![^>]*(?:src=|application\/ld\+json))[^>]*>([\s\S]*?)<\/script>/g),
  ]
    .map((match) => match[1])
    .join("");
  return {
    htmlGzip: gzipSize(html),
    jsGzip: jsBytes,
    jsFiles: scripts.length,
    inlineJsGzip: gzipSize(inlineJs),
  };
}

const LIGHTHOUSE_RUNS = 5;

/** Chromium's own folders in the temporary directory, which a killed Chromium leaves behind. */
function chromiumTempFolders() {
  return readdirSync(tmpdir()).filter((name) => name.startsWith("org.chromium.Chromium."));
}

/**
 * Lighthouse varies from run to run on a busy machine: every run is reported, and the median
 * run by score stands for them. The runs share one browser, warmed by a discarded run: a
 * freshly started headless Chromium here presents its first frame about a second late, which
 * Lighthouse would count as the page's paint (each run still loads the page with an empty
 * cache and storage, as a first visit does).
 *
 * Desktop Chromium, headless too, holds the window's frame until its WebUI toolbar and the tab
 * can be drawn together (the InitialWebUISurfaceSync feature). Here that often left the page's
 * frames undrawn long enough for the compositor to let the page draw only once a second
 * (ThrottleUndrawnFrames in a trace), so its first paint reached the screen one or two seconds
 * after it was painted. A phone has no such toolbar; the benchmark's browser runs without it.
 */
export async function runLighthouse(
  url,
  { localCertificate = false, throttling = "simulate" } = {},
) {
  const foldersBefore = new Set(chromiumTempFolders());
  const chromePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-features=InitialWebUISurfaceSync",
      ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      // The benchmark's own front on localhost, on a certificate it made a moment ago.
      ...(localCertificate ? ["--ignore-certificate-errors"] : []),
    ],
  });
  const runs = [];
  try {
    await runLighthouseOnce(url, chrome.port, throttling);
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++)
      runs.push(await runLighthouseOnce(url, chrome.port, throttling));
  } finally {
    await chrome.kill();
    for (const name of chromiumTempFolders()) {
      if (!foldersBefore.has(name))
        rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
    }
  }
  const ordered = [...runs];
  runs.sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs);
  const median = runs[Math.floor(runs.length / 2)];
  if (median.shortfalls.length) {
    console.log(
      `Lighthouse audits below full marks (median run):\n  ${median.shortfalls.join("\n  ")}`,
    );
  }
  // Every run, in the order they ran, so that one bad run shows.
  return { ...median, runs: ordered };
}

/**
 * One Lighthouse run. `throttling`: "simulate" (Lighthouse's default: an unthrottled load,
 * from which it estimates a phone's) or "devtools" (the browser itself slowed to the same
 * phone and network, so what it reports was observed).
 */
async function runLighthouseOnce(url, port, throttling) {
  const { lhr } = await lighthouse(url, {
    port,
    throttlingMethod: throttling,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  });
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const shortfalls = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category.id}: ${lhr.audits[ref.id]?.title}`),
  );
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  // The paint as Lighthouse saw it on its own unthrottled load, from which it estimates the
  // phone's: the later it is, the more of the page's requests the estimate waits for.
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  // What one page view asks of the server, and how much of it is prefetching.
  const requests = lhr.audits["network-requests"]?.details?.items ?? [];
  const prefetches = requests.filter((item) => {
    try {
      return new URL(item.url).searchParams.has("_rsc");
    } catch {
      return false;
    }
  });
  // Images the page load fetched (figures below the first screen wait for the reader).
  const imageBytes = requests
    .filter((item) => item.resourceType === "Image")
    .reduce((total, item) => total + (item.transferSize ?? 0), 0);
  // The page's own HTML as it came over the wire (compressed, with its headers).
  const documentBytes =
    requests.find((item) => item.resourceType === "Document")?.transferSize ?? NaN;
  return {
    imageBytes,
    documentBytes,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    fcpMs: audit("first-contentful-paint"),
    observedFcpMs: observed.observedFirstContentfulPaint ?? NaN,
    lcpMs: audit("largest-contentful-paint"),
    requests: requests.length,
    prefetches: prefetches.length,
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    shortfalls,
  };
}

/** Requests per second and p99 latency for GETs of one URL under a fixed concurrent load. */
export async function load(url, { headers = {}, ...options } = {}) {
  const result = await autocannon({ url, headers, ...LOAD, ...options });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requestsPerSecond: Math.round(result.requests.average), p99Ms: result.latency.p99 };
}

/**
 * The same load on two servers, alternating in short rounds so that both meet the same
 * machine conditions; the mean of the rounds' throughput and the median p99.
 */
export async function compareLoad(urls, { rounds = 4, duration = 5, headers = {} } = {}) {
  // Unmeasured first: the first seconds of load on a fresh server are its JIT warming up.
  for (const url of urls) await load(url, { duration: 3, headers });
  const samples = urls.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, url] of urls.entries())
      samples[index].push(await load(url, { duration, headers }));
  }
  return samples.map((runs) => {
    const p99s = runs.map((run) => run.p99Ms).sort((a, b) => a - b);
    return {
      requestsPerSecond: Math.round(
        runs.reduce((sum, run) => sum + run.requestsPerSecond, 0) / runs.length,
      ),
      p99Ms: p99s[Math.floor(p99s.length / 2)],
      rounds: runs.map((run) => run.requestsPerSecond),
    };
  });
}

/**
 * A figure's cost: each raster figure of a page encoded at 828 px as AVIF, as the build does
 * it (cold, once per build), then that variant as readers get it, a static file (warm).
 */
export async function figureTimes(base, pagePath) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const variants = [...html.matchAll(/(\/media\/[^"\s,]+\/828\.avif)/g)].map((match) => match[1]);
  const times = [];
  for (const variant of new Set(variants)) {
    const original = Buffer.from(
      await (await fetch(`${base}${variant.replace(/\/828\.avif$/, "")}`)).arrayBuffer(),
    );
    let started = performance.now();
    await encodeVariant(original, 828, "avif");
    const coldMs = performance.now() - started;
    started = performance.now();
    const response = await fetch(`${base}${variant}`);
    const bytes = (await response.arrayBuffer()).byteLength;
    times.push({
      image: variant,
      coldMs,
      warmMs: performance.now() - started,
      bytes,
      type: response.headers.get("content-type"),
    });
  }
  return times;
}
