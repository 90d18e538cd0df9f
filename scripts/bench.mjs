#!/usr/bin/env node
/**
 * The benchmark: builds the site, starts the production server on a throwaway database,
 * and measures the flagship page as readers and crawlers get it.
 *   - Lighthouse 12 (mobile, simulated throttling): the four category scores, LCP, TBT, CLS,
 *     through nginx over HTTPS and HTTP/2 (as deployed) and straight from `next start`, and
 *     on a static control page, which shows what the machine and browser cost any page;
 *   - bytes over the wire: the page's HTML and its JavaScript, gzip;
 *   - throughput: requests/s and p99 latency under a fixed concurrent load (autocannon),
 *     for anonymous readers (prerendered), a signed-in reader (rendered per request) and
 *     the social image;
 *   - writes: comment posts on SQLite and PostgreSQL, newsletter sign-ups and sends;
 *   - several instances: the anonymous flagship through nginx in front of two instances
 *     against one bare `next start`, both compressing, and comment posts through nginx on
 *     PostgreSQL (needs nginx and redis-server).
 * With --baseline=REF it also builds that commit in a worktree and measures the anonymous
 * flagship on both builds in alternating rounds of the same run, so that a change's cost
 * is measured against what came before on the same machine at the same time.
 * And the archive at scale: the site built and run with 1,000 and 5,000 generated pieces beside
 * its own three (scripts/bench/scale.mjs), alone with --only=scale.
 * And reading speed as a phone sees it, against a bare Next.js page (scripts/bench/reading.mjs),
 * alone with --only=reading.
 * Usage: npm run bench [-- --baseline=REF] [-- --only=scale|reading] [-- --write]
 *   (--write puts the tables into docs/performance.md)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareBaseline, removeBaseline } from "./bench/baseline.mjs";
import { lighthouseControl } from "./bench/control.mjs";
import {
  LOAD,
  compareLoad,
  figureTimes,
  load,
  runLighthouse,
  transferSizes,
} from "./bench/measure.mjs";
import { BENCH_BUILD_DIR, build, run, serverEnv, startServer } from "./bench/servers.mjs";
import { WRITERS, commentLoad } from "./bench/comments.mjs";
import { mailLoad, signupLoad, startMailSink } from "./bench/newsletter.mjs";
import { startBenchCluster } from "./bench/cluster.mjs";
import { findNginx, startFront } from "./lib/cluster.mjs";
import { startPostgres } from "./bench/postgres.mjs";
import { readingRun, readingTable } from "./bench/reading.mjs";
import { scaleRun, scaleTable } from "./bench/scale.mjs";
import {
  createPostgresSessionCookies,
  createSessionCookie,
  createSessionCookies,
} from "./bench/session.mjs";
import { postCommentForm, readCommentForm } from "./lib/forms.mjs";

const { values: options } = parseArgs({
  options: {
    baseline: { type: "string" },
    write: { type: "boolean", default: false },
    // --only=scale: just the archive at scale (scripts/bench/scale.mjs).
    only: { type: "string" },
  },
});
const PORT = 3200;
const BASELINE_PORT = 3201;
const POSTGRES_PORT = 3202;
const NEWSLETTER_PORT = 3203;
const SMTP_PORT = 3204;
/** nginx; its two instances on the next two ports. */
const CLUSTER_PORT = 3210;
const REDIS_PORT = 3215;
/** nginx in front of the one server, over HTTP and over HTTPS with HTTP/2, as deployed. */
const FRONT_PORT = 3220;
const FRONT_TLS_PORT = 3221;
/** The static control page for Lighthouse. */
const CONTROL_PORT = 3222;
/** The servers of the scale run, one at a time. */
const SCALE_PORT = 3223;
/** The bare Next.js page the reading-speed figures are compared with. */
const BARE_PORT = 3224;
const FLAGSHIP = "/analysis/the-end-of-the-blank-check";
/** Where the comment load posts, so that the flagship keeps a realistic discussion. */
const LOAD_ARTICLE = "/analysis/europes-defence-industrial-strategy";
const DISCUSSION = 25;
/** Where the worst-case comments go, beside the flagship's ordinary ones. */
/** The article with figures, a table and notes. */
const FIGURES_ARTICLE = "/analysis/europes-defence-industrial-strategy";
const HOSTILE_ARTICLE = "/analysis/the-evolving-security-architecture-of-the-middle-east";
/** Comments that once took an article down or a second of the thread per render. */
const HOSTILE_BODIES = [
  `${">".repeat(3000)} hi`,
  `${"*".repeat(2000)}x${"*".repeat(2000)}`,
  `${"- ".repeat(2499)}x`,
  `${"[".repeat(2000)}a${"](https://x.example)".repeat(100)}`,
  "*_".repeat(2490),
];
const STEADY_RATE = 100;

/** Both comment loads on one server: flat out, then at a steady rate. */
async function commentLoads(base, cookies) {
  const flatOut = await commentLoad({ base, path: LOAD_ARTICLE, cookies: cookies.slice(0, 3000) });
  const steady = await commentLoad({
    base,
    path: LOAD_ARTICLE,
    cookies: cookies.slice(3000),
    rate: STEADY_RATE,
  });
  return { flatOut, steady };
}
const WORK = path.resolve(".tmp/bench");

function describeRef(ref) {
  return execFileSync("git", ["log", "-1", "--format=%h (%s)", ref], { encoding: "utf8" }).trim();
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const signed = (value, unit = "") => `${value >= 0 ? "+" : "−"}${Math.abs(value)}${unit}`;

function table(results) {
  const {
    lighthouse: lh,
    lighthouseFront: front,
    lighthouseControl: control,
    sizes,
    page,
    signedIn,
    image,
    baseline,
  } = results;
  const scores = (run) =>
    `${run.performance} / ${run.accessibility} / ${run.bestPractices} / ${run.seo}`;
  const lighthouseRows = (set, how) => [
    `| Lighthouse 12 mobile, ${how}, ${set.runs.length} runs: performance / accessibility / best practices / SEO, each run | ${set.runs.map(scores).join("; ")} |`,
    `| ${how}: FCP, LCP, LCP − FCP, TBT, CLS (median run) | ${Math.round(set.fcpMs)} ms, ${Math.round(set.lcpMs)} ms, ${Math.round(set.lcpMs - set.fcpMs)} ms, ${Math.round(set.tbtMs)} ms, ${set.cls.toFixed(3)} |`,
    `| ${how}: LCP − FCP, TBT, first paint on Lighthouse's unthrottled load, in each run | ${set.runs.map((run) => `${Math.round(run.lcpMs - run.fcpMs)} ms, ${Math.round(run.tbtMs)} ms, ${Math.round(run.observedFcpMs)} ms`).join("; ")} |`,
  ];
  const rows = [
    ...(front.note
      ? [`| Lighthouse through nginx over HTTPS and HTTP/2 | ${front.note} |`]
      : lighthouseRows(front, "through nginx over HTTPS and HTTP/2, as deployed")),
    ...lighthouseRows(lh, "straight from `next start` over HTTP/1.1"),
    `| control: Lighthouse on static HTML with no CSS, fonts or scripts, same browser: performance, TBT in each run | ${control.runs.map((run) => `${run.performance}, ${Math.round(run.tbtMs)} ms`).join("; ")} |`,
    `| requests per anonymous page view (Lighthouse), of which prefetches | ${lh.requests}, ${lh.prefetches} |`,
    `| article with a figure, a table and notes (\`${FIGURES_ARTICLE}\`), straight from \`next start\`, ${results.lighthouseFigures.runs.length} runs: performance, LCP, CLS, image bytes fetched by the load, each run | ${results.lighthouseFigures.runs.map((run) => `${run.performance}, ${Math.round(run.lcpMs)} ms, ${run.cls.toFixed(3)}, ${kb(run.imageBytes)}`).join("; ")} |`,
    ...results.figures.map(
      ({ image: file, coldMs, warmMs, bytes, type }) =>
        `| figure \`${file}\`: encoded at build (cold), served as a file (warm); type, bytes | ${Math.round(coldMs)} ms, ${warmMs.toFixed(1)} ms; ${type}, ${kb(bytes)} |`,
    ),
    `| HTML (gzip) | ${kb(sizes.htmlGzip)} |`,
    `| JavaScript files (gzip) | ${kb(sizes.jsGzip)} in ${sizes.jsFiles} files, plus ${kb(sizes.inlineJsGzip)} inline |`,
  ];
  if (baseline) {
    const change = Math.round((page.requestsPerSecond / baseline.page.requestsPerSecond - 1) * 100);
    rows.push(
      `| JavaScript before this change (${baseline.label}) | ${kb(baseline.sizes.jsGzip)} in ${baseline.sizes.jsFiles} files (${signed(Math.round((sizes.jsGzip - baseline.sizes.jsGzip) / 102.4) / 10, " KB")}) |`,
      `| anonymous page: requests/s, p99, before → after (${LOAD.connections} connections, after a warm-up, 4 rounds of 5 s, alternating) | ${baseline.page.requestsPerSecond} req/s, ${baseline.page.p99Ms} ms → ${page.requestsPerSecond} req/s, ${page.p99Ms} ms (${signed(change, " %")}) |`,
    );
  } else {
    rows.push(
      `| anonymous page: requests/s, p99 latency (${LOAD.connections} connections, ${LOAD.duration} s) | ${page.requestsPerSecond} req/s, ${page.p99Ms} ms |`,
    );
  }
  const { withComments, posts, signups, mails } = results;
  rows.push(
    `| anonymous page with ${DISCUSSION} comments: requests/s, p99 (same load) | ${withComments.requestsPerSecond} req/s, ${withComments.p99Ms} ms |`,
    `| signed-in page, rendered per request: requests/s, p99 (same load) | ${signedIn.requestsPerSecond} req/s, ${signedIn.p99Ms} ms |`,
    `| signed-in page with ${DISCUSSION} ordinary comments → another article with ${DISCUSSION} worst-case comments (nested quotes, emphasis, list markers, brackets), rendered per request: requests/s, p99 | ${results.worstCase.ordinarySignedIn.requestsPerSecond} req/s, ${results.worstCase.ordinarySignedIn.p99Ms} ms → ${results.worstCase.hostileSignedIn.requestsPerSecond} req/s, ${results.worstCase.hostileSignedIn.p99Ms} ms |`,
    `| anonymous page with ${DISCUSSION} worst-case comments, cached: requests/s, p99 | ${results.worstCase.hostileAnonymous.requestsPerSecond} req/s, ${results.worstCase.hostileAnonymous.p99Ms} ms |`,
    `| social image: requests/s, p99 latency (same load) | ${image.requestsPerSecond} req/s, ${image.p99Ms} ms |`,
    ...posts.flatMap((run) =>
      run.note
        ? [`| comment posts on ${run.engine} | ${run.note} |`]
        : [
            `| comment posts on ${run.engine}, ${WRITERS} signed-in writers flat out, 10 s: posts/s, p99 | ${run.flatOut.postsPerSecond} posts/s, p99 ${run.flatOut.p99Ms} ms (${run.flatOut.posts} stored${run.flatOut.refused ? `, ${run.flatOut.refused} refused` : ""}) |`,
            `| comment posts on ${run.engine}, ${WRITERS} writers at a steady ${STEADY_RATE} posts/s: p50, p99 | ${run.steady.p50Ms} ms, ${run.steady.p99Ms} ms (${run.steady.posts} stored${run.steady.refused ? `, ${run.steady.refused} refused` : ""}) |`,
          ],
    ),
    `| newsletter sign-ups, 20 concurrent clients, 10 s (each queued for its confirmation mail): sign-ups/s, p99; then every confirmation mailed by SMTP within | ${signups.signupsPerSecond}/s, p99 ${signups.p99Ms} ms (${signups.signups} answered${signups.refused ? `, ${signups.refused} refused` : ""}); ${signups.mailed} mailed ${signups.drainSeconds} s after the last |`,
    `| newsletter send to ${mails.mails} subscribers, SMTP on loopback: mails/s | ${mails.mailsPerSecond} mails/s (${mails.seconds} s) |`,
  );
  const { cluster } = results;
  if (cluster.note) {
    rows.push(`| several instances behind nginx | ${cluster.note} |`);
  } else {
    const times = (cluster.front.requestsPerSecond / cluster.bare.requestsPerSecond).toFixed(1);
    rows.push(
      `| anonymous page, Accept-Encoding: gzip (${LOAD.connections} connections, 4 alternating rounds of 5 s): one bare \`next start\` → nginx in front of 2 instances | ${cluster.bare.requestsPerSecond} req/s, p99 ${cluster.bare.p99Ms} ms → ${cluster.front.requestsPerSecond} req/s, p99 ${cluster.front.p99Ms} ms (×${times}) |`,
      `| comment posts on PostgreSQL through nginx, 2 instances, ${WRITERS} writers flat out, 10 s: posts/s, p99 | ${cluster.posts.flatOut.postsPerSecond} posts/s, p99 ${cluster.posts.flatOut.p99Ms} ms (${cluster.posts.flatOut.posts} stored${cluster.posts.flatOut.refused ? `, ${cluster.posts.flatOut.refused} refused` : ""}) |`,
      `| comment posts on PostgreSQL through nginx, 2 instances, steady ${STEADY_RATE} posts/s: p50, p99 | ${cluster.posts.steady.p50Ms} ms, ${cluster.posts.steady.p99Ms} ms (${cluster.posts.steady.posts} stored${cluster.posts.steady.refused ? `, ${cluster.posts.steady.refused} refused` : ""}) |`,
    );
  }
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${results.machine}, Node ${process.version}.`,
    "",
    "| measure | flagship article |",
    "| --- | --- |",
    ...rows,
  ].join("\n");
}

/**
 * Lighthouse on the flagship as readers get it in production: through nginx
 * (deploy/nginx.conf) over HTTPS, so with HTTP/2, in front of the same server.
 */
async function lighthouseThroughFront(port) {
  if (!findNginx()) return { note: "not measured: nginx is not installed" };
  const front = await startFront({
    port: FRONT_PORT,
    tlsPort: FRONT_TLS_PORT,
    instancePorts: [port],
    distDir: BENCH_BUILD_DIR,
    log: () => {},
  });
  try {
    if (!front.secureUrl) return { note: "not measured: openssl is not installed" };
    return await runLighthouse(`${front.secureUrl}${FLAGSHIP}`, { localCertificate: true });
  } finally {
    await front.stop();
  }
}

const FIGURES = "docs/performance.md";

function writeFigures(markdown, marker = "bench") {
  const page = readFileSync(FIGURES, "utf8");
  const pattern = new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`);
  if (!pattern.test(page))
    throw new Error(`${FIGURES} has no ${marker}:start/${marker}:end markers`);
  writeFileSync(FIGURES, page.replace(pattern, `$1\n\n${markdown}\n\n$2`));
  run("npx", ["prettier", "--write", FIGURES]);
  console.log(`${FIGURES} updated.`);
}

async function scaleSection() {
  const markdown = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, Node ${process.version}.\n\n${scaleTable(await scaleRun({ port: SCALE_PORT, work: WORK }))}`;
  console.log(`\n${markdown}\n`);
  if (options.write) writeFigures(markdown, "scale");
}

/** Reading speed as a phone sees it (scripts/bench/reading.mjs), on a running server. */
async function readingSection(base) {
  const results = await readingRun({
    pages: { flagship: `${base}${FLAGSHIP}`, "article with figures": `${base}${FIGURES_ARTICLE}` },
    barePort: BARE_PORT,
    work: WORK,
  });
  const markdown = `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, Node ${process.version}.\n\n${readingTable(results)}`;
  console.log(`\n${markdown}\n`);
  if (options.write) writeFigures(markdown, "reading");
}

if (options.only === "scale") {
  rmSync(WORK, { recursive: true, force: true });
  await scaleSection();
  process.exit(0);
}

if (options.only === "reading") {
  rmSync(WORK, { recursive: true, force: true });
  const env = serverEnv(PORT, path.join(WORK, "current"));
  build(".", env);
  const server = await startServer({ port: PORT, env });
  try {
    await readingSection(server.base);
  } finally {
    server.stop();
  }
  process.exit(0);
}

rmSync(WORK, { recursive: true, force: true });
const currentEnv = serverEnv(PORT, path.join(WORK, "current"));
build(".", currentEnv);
const baselineEnv = serverEnv(BASELINE_PORT, path.join(WORK, "baseline"));
const servers = [];
let baselineDir = null;
try {
  if (options.baseline) baselineDir = prepareBaseline(options.baseline, baselineEnv);
  const current = await startServer({ port: PORT, env: currentEnv });
  servers.push(current);
  const baseline = baselineDir
    ? await startServer({ cwd: baselineDir, port: BASELINE_PORT, env: baselineEnv })
    : null;
  if (baseline) servers.push(baseline);

  const url = `${current.base}${FLAGSHIP}`;
  const html = await (await fetch(url)).text();
  const imagePath = new URL(/<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? "")
    .pathname;
  const cookie = createSessionCookie(path.join(WORK, "current", "site.db"));
  const signedInHtml = await (await fetch(url, { headers: { cookie } })).text();
  if (!signedInHtml.includes("Bench Reader")) throw new Error("the signed-in page did not render");

  const results = {
    machine: `${cpus().length} cores`,
    sizes: await transferSizes(current.base, html),
    lighthouse: await runLighthouse(url),
    lighthouseFront: await lighthouseThroughFront(PORT),
    lighthouseControl: await lighthouseControl(CONTROL_PORT),
    lighthouseFigures: await runLighthouse(`${current.base}${FIGURES_ARTICLE}`),
    figures: await figureTimes(current.base, FIGURES_ARTICLE),
  };
  if (baseline) {
    const baselineHtml = await (await fetch(`${baseline.base}${FLAGSHIP}`)).text();
    const [before, after] = await compareLoad([`${baseline.base}${FLAGSHIP}`, url]);
    results.page = after;
    results.baseline = {
      label: describeRef(options.baseline),
      sizes: await transferSizes(baseline.base, baselineHtml),
      page: before,
    };
    console.log(
      `Rounds, req/s: before ${before.rounds.join(", ")}; after ${after.rounds.join(", ")}`,
    );
  } else {
    await load(url, { duration: 3 });
    results.page = await load(url);
  }
  results.signedIn = await load(url, { headers: { cookie } });
  results.image = await load(`${current.base}${imagePath}`);

  const databaseFile = path.join(WORK, "current", "site.db");
  results.posts = [
    {
      engine: "SQLite",
      ...(await commentLoads(current.base, createSessionCookies(databaseFile, 4500))),
    },
  ];
  // A discussion under the flagship, then the anonymous page again.
  const discussants = createSessionCookies(databaseFile, Math.ceil(DISCUSSION / 10));
  const form = await readCommentForm(current.base, FLAGSHIP, discussants[0]);
  for (let index = 0; index < DISCUSSION; index++) {
    const body = `A considered comment, number ${index + 1}, with a [source](https://www.sipri.org/) and *emphasis*.`;
    await postCommentForm(form, discussants[Math.floor(index / 10)], body);
  }
  await load(url, { duration: 3 });
  results.withComments = await load(url);

  // The same number of worst-case comments under another article: the page rendered per
  // request (signed in) and cached (anonymous), beside the flagship's ordinary discussion.
  const hostileWriters = createSessionCookies(databaseFile, Math.ceil(DISCUSSION / 10));
  const hostileForm = await readCommentForm(current.base, HOSTILE_ARTICLE, hostileWriters[0]);
  for (let index = 0; index < DISCUSSION; index++) {
    const body = HOSTILE_BODIES[index % HOSTILE_BODIES.length];
    await postCommentForm(hostileForm, hostileWriters[Math.floor(index / 10)], `${body} ${index}`);
  }
  const hostileUrl = `${current.base}${HOSTILE_ARTICLE}`;
  await load(hostileUrl, { duration: 3 });
  results.worstCase = {
    ordinarySignedIn: await load(url, { headers: { cookie } }),
    hostileSignedIn: await load(hostileUrl, { headers: { cookie } }),
    hostileAnonymous: await load(hostileUrl),
  };

  const sink = await startMailSink(SMTP_PORT);
  const newsletterDir = path.join(WORK, "newsletter");
  const newsletterServer = await startServer({
    port: NEWSLETTER_PORT,
    env: { ...serverEnv(NEWSLETTER_PORT, newsletterDir), EMAIL_SERVER: sink.url },
  });
  try {
    results.signups = await signupLoad({ base: newsletterServer.base, sink });
    results.mails = await mailLoad({ databaseFile: path.join(newsletterDir, "site.db"), sink });
  } finally {
    newsletterServer.stop();
    await sink.close();
  }

  const postgres = await startPostgres();
  if (!postgres.url) {
    results.posts.push({ engine: "PostgreSQL", note: postgres.note });
  } else {
    const postgresEnv = {
      ...serverEnv(POSTGRES_PORT, path.join(WORK, "postgres")),
      DATABASE_URL: postgres.url,
    };
    const server = await startServer({ port: POSTGRES_PORT, env: postgresEnv });
    try {
      results.posts.push({
        engine: "PostgreSQL",
        ...(await commentLoads(
          server.base,
          await createPostgresSessionCookies(postgres.url, 4500),
        )),
      });
    } finally {
      server.stop();
      await postgres.drop();
    }
  }

  // Several instances behind nginx, on PostgreSQL and Redis, against the bare server above.
  const clusterDatabase = await startPostgres();
  if (!clusterDatabase.url) {
    results.cluster = { note: clusterDatabase.note };
  } else {
    const started = await startBenchCluster({
      port: CLUSTER_PORT,
      redisPort: REDIS_PORT,
      databaseUrl: clusterDatabase.url,
      env: serverEnv(CLUSTER_PORT, path.join(WORK, "cluster")),
    });
    try {
      if (!started.cluster) {
        results.cluster = { note: started.note };
      } else {
        const [bare, front] = await compareLoad([url, `${started.cluster.url}${FLAGSHIP}`], {
          headers: { "accept-encoding": "gzip" },
        });
        console.log(
          `Rounds, req/s: bare ${bare.rounds.join(", ")}; through nginx ${front.rounds.join(", ")}`,
        );
        const posts = await commentLoads(
          started.cluster.url,
          await createPostgresSessionCookies(clusterDatabase.url, 4500),
        );
        results.cluster = { bare, front, posts };
      }
    } finally {
      await started.stop?.();
      await clusterDatabase.drop();
    }
  }

  const markdown = table(results);
  console.log(`\n${markdown}\n`);
  if (options.write) writeFigures(markdown);
  await readingSection(current.base);
  for (const server of servers) server.stop();
  await scaleSection();
} finally {
  for (const server of servers) server.stop();
  if (options.baseline) removeBaseline();
}
