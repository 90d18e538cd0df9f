/**
 * The archive at scale: the same site built and run on generated archives of 1,000 and 5,000
 * pieces (scripts/bench/archive.mjs) beside its own three, in one run: build time, start time
 * and memory, the first render of each kind of page, cached pages under load, and search
 * under load at 8 concurrent clients for a common, a rare and a misspelt query; and what one
 * reader alone waits for the home page and a search no one has asked before.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { RARE_WORD, WORDS, writeArchive } from "./archive.mjs";
import { build, serverEnv, serverMemoryMb, startServer } from "./servers.mjs";

export const SCALE_SIZES = [3, 1000, 5000];
const PAGE_SIZE = 20;
const SEARCHES = [
  ["common", "defence industry"],
  ["rare", RARE_WORD],
  ["misspelt", "sovereignity"],
];

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return Math.round(performance.now() - started);
}

/**
 * A different two-word search on every request (tens of thousands of them): what a search costs
 * when no one has asked it before, since each search's page is cached once made. `from` starts
 * a second series where the first cannot have reached.
 */
function newSearches(from = 0) {
  let next = from;
  return () => {
    const first = WORDS[next % WORDS.length];
    const second = WORDS[Math.floor(next / WORDS.length) % WORDS.length];
    next += 1;
    return `/search?q=${encodeURIComponent(`${first} ${second}`)}`;
  };
}

async function underLoad(url, connections = 8, duration = 8, nextPath = undefined) {
  const result = await autocannon({
    url,
    connections,
    duration,
    ...(nextPath && {
      requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    }),
  });
  if (result.non2xx || result.errors) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

/** Waits until the search index answers (the server makes it at start), and says when. */
async function searchReady(base, since) {
  await timed(`${base}/search?q=${encodeURIComponent(SEARCHES[0][1])}`);
  return Math.round(performance.now() - since);
}

async function measure(size, { port, work }) {
  const folder = path.join(work, `scale-${size}`);
  rmSync(folder, { recursive: true, force: true });
  const content = writeArchive(folder, size);
  const env = {
    ...serverEnv(port, path.join(folder, "data")),
    CONTENT_DIR: content,
    // Relative, as Next.js takes it (an absolute one is put under the project again).
    NEXT_DIST_DIR: path.relative(process.cwd(), path.join(folder, "build")),
  };
  const buildStarted = performance.now();
  build(".", env);
  const buildSeconds = Math.round((performance.now() - buildStarted) / 1000);

  const startStarted = performance.now();
  const server = await startServer({ port, env, log: path.join(folder, "server.log") });
  try {
    const startMs = Math.round(performance.now() - startStarted);
    const memoryAtStartMb = serverMemoryMb(server.pid);
    const indexReadyMs = await searchReady(server.base, startStarted);
    const pages = Math.ceil(size / PAGE_SIZE);
    const lastPage = pages === 1 ? "/" : `/page/${pages}`;
    const article =
      size > 3 ? "/analysis/generated-piece-500" : "/analysis/the-end-of-the-blank-check";
    const first = {};
    for (const [name, pathname] of [
      ["article", article],
      ["home", "/"],
      ["home, last page", lastPage],
      ["topic", "/topics/europe"],
      ["feed", "/feed.xml"],
      ["sitemap", "/sitemap.xml"],
    ]) {
      first[name] = await timed(`${server.base}${pathname}`);
    }
    const cached = {
      // What one reader waits for, with no one else's request ahead of theirs.
      homeAlone: await underLoad(`${server.base}/`, 1, 5),
      home: await underLoad(`${server.base}/`, 8, 5),
      last: await underLoad(`${server.base}${lastPage}`, 8, 5),
    };
    const search = {};
    for (const [name, query] of SEARCHES) {
      search[name] = await underLoad(`${server.base}/search?q=${encodeURIComponent(query)}`);
    }
    search.new = await underLoad(`${server.base}/search`, 8, 8, newSearches());
    search.newAlone = await underLoad(
      `${server.base}/search`,
      1,
      5,
      newSearches(WORDS.length * 100),
    );
    return {
      size,
      pages,
      buildSeconds,
      startMs,
      indexReadyMs,
      memoryAtStartMb,
      memoryAfterMb: serverMemoryMb(server.pid),
      first,
      cached,
      search,
    };
  } finally {
    server.stop();
    // The builds of large archives are big: each goes once measured.
    rmSync(path.join(folder, "build"), { recursive: true, force: true });
  }
}

export async function scaleRun({ port, work }) {
  const results = [];
  for (const size of SCALE_SIZES) {
    console.log(`Scale run: ${size} pieces`);
    results.push(await measure(size, { port, work }));
  }
  return results;
}

export function scaleTable(results) {
  const column = (format) => results.map(format).join(" | ");
  const header = `| measure | ${column((result) => `${result.size.toLocaleString("en-GB")} pieces`)} |`;
  const rule = `| --- | ${column(() => "---")} |`;
  const load = (figures) =>
    `${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`;
  const rows = [
    ["`npm run build`", (result) => `${result.buildSeconds} s`],
    ["server start (until /api/health answers)", (result) => `${result.startMs} ms`],
    ["search index ready, from start", (result) => `${result.indexReadyMs} ms`],
    [
      "memory (RSS) at start → after the runs below",
      (result) => `${result.memoryAtStartMb} → ${result.memoryAfterMb} MB`,
    ],
    ...Object.keys(results[0].first).map((name) => [
      `first render: ${name}`,
      (result) => `${result.first[name]} ms`,
    ]),
    ["home page (cached), one client at a time", (result) => load(result.cached.homeAlone)],
    ["home page (cached), 8 clients", (result) => load(result.cached.home)],
    [
      "home, last page (`/page/N`, cached), 8 clients",
      (result) => `page ${result.pages}: ${load(result.cached.last)}`,
    ],
    ...SEARCHES.map(([name, query]) => [
      `\`/search\`, ${name} (“${query}”), asked again (cached after the first), 8 clients`,
      (result) => load(result.search[name]),
    ]),
    [
      "`/search`, a new two-word query on every request (none cached), 8 clients",
      (result) => load(result.search.new),
    ],
    [
      "`/search`, a new two-word query on every request (none cached), one client at a time",
      (result) => load(result.search.newAlone),
    ],
  ];
  return [header, rule, ...rows.map(([label, format]) => `| ${label} | ${column(format)} |`)].join(
    "\n",
  );
}
