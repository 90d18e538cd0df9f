/**
 * Reading speed as a phone sees it: Lighthouse's mobile settings with real throttling
 * (`devtools`: the browser itself slowed to the phone and network, so FCP and LCP are
 * observed) and with simulated throttling (Lighthouse's default, an estimate), five runs
 * each, for the flagship, an article with figures, and a bare Next.js page built with the
 * project's own next and react (scripts/bench/bare/), all in the same run. Reported: each
 * run's performance, the median FCP and LCP, the document's bytes on the wire, and the
 * flagship's and the figures article's FCP and LCP as multiples of the bare page's.
 */
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { runLighthouse } from "./measure.mjs";
import { run, startServer } from "./servers.mjs";

/**
 * Builds the bare page and starts it: a project of its own, copied under .tmp/ (inside this
 * folder, so that it finds the same node_modules; never built beside its source). Its own
 * empty instrumentation.js keeps the build from taking in the site's. (It still takes in the
 * site's proxy.ts, which runs only for requests with a session cookie, a body or an Origin:
 * never for Lighthouse's page loads.)
 */
async function startBarePage(port, work) {
  const project = path.join(work, "bare-project");
  rmSync(project, { recursive: true, force: true });
  cpSync(path.resolve("scripts/bench/bare"), project, { recursive: true });
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  run("npx", ["next", "build"], { cwd: project, env });
  return startServer({ cwd: project, port, env, health: "/" });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function summary(set) {
  return {
    runs: set.runs,
    fcpMs: median(set.runs.map((one) => one.fcpMs)),
    lcpMs: median(set.runs.map((one) => one.lcpMs)),
    documentBytes: median(set.runs.map((one) => one.documentBytes)),
  };
}

/** The reading-speed figures for `pages` (name → URL) on a running site, beside the bare page. */
export async function readingRun({ pages, barePort, work }) {
  const bare = await startBarePage(barePort, work);
  try {
    const all = { ...pages, "bare Next.js page": `${bare.base}/` };
    const results = {};
    for (const throttling of ["devtools", "simulate"]) {
      results[throttling] = {};
      for (const [name, url] of Object.entries(all)) {
        console.log(`Lighthouse, ${throttling} throttling: ${name}`);
        results[throttling][name] = summary(await runLighthouse(url, { throttling }));
      }
    }
    return results;
  } finally {
    bare.stop();
  }
}

const HOW = {
  devtools: "real throttling (devtools)",
  simulate: "simulated throttling (Lighthouse's default)",
};

export function readingTable(results) {
  const rows = [];
  for (const [throttling, pages] of Object.entries(results)) {
    const bare = pages["bare Next.js page"];
    for (const [name, set] of Object.entries(pages)) {
      const ratio =
        set === bare
          ? "1"
          : `${(set.fcpMs / bare.fcpMs).toFixed(2)} × / ${(set.lcpMs / bare.lcpMs).toFixed(2)} ×`;
      rows.push(
        `| ${name}, ${HOW[throttling]} | ${set.runs.map((one) => one.performance).join(", ")} | ${Math.round(set.fcpMs)} ms | ${Math.round(set.lcpMs)} ms | ${ratio} | ${(set.documentBytes / 1024).toFixed(1)} KB | ${set.runs.map((one) => one.cls.toFixed(3)).join(", ")} |`,
      );
    }
  }
  return [
    "| page, Lighthouse 12 mobile, 5 runs | performance, each run | FCP (median) | LCP (median) | FCP / LCP against the bare page | document on the wire | CLS, each run |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
