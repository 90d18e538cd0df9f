#!/usr/bin/env node
// Kept in step with ../shared/tools/security-floors.mjs, which .ci/run prefers where it exists.
// Checks every copy of a package in package-lock.json against the lowest version that is free of
// the known advisories below. `npm audit` cannot reach its advisory service from these machines,
// so this list stands in for it; it is kept by hand and only grows.
// usage: node ../shared/tools/security-floors.mjs [path/to/package-lock.json]
import { readFileSync } from "node:fs";

const FLOORS = [
  // [package, lowest safe version, why]
  ["next", "16.4.1", "advisories fixed in Next.js releases up to 16.4.1"],
  ["react", "19.2.8", "React Server Components advisories fixed in releases up to 19.2.8"],
  ["react-dom", "19.2.8", "React Server Components advisories fixed in releases up to 19.2.8"],
  ["next-auth", "5.0.0-beta.32", "GHSA-7rqj-j65f-68wh (critical), GHSA-8fpg-xm3f-6cx3, GHSA-x445-f3h2-j279, GHSA-xmf8-cvqr-rfgj", "5."],
  ["next-auth", "4.24.15", "GHSA-7rqj-j65f-68wh (critical)", "4."],
  ["@auth/core", "0.41.3", "GHSA-7rqj-j65f-68wh (critical: homoglyph @ in e-mail normalisation), GHSA-x445-f3h2-j279"],
  ["nodemailer", "9.1.1", "GHSA-p6gq-j5cr-w38f (high, <= 9.0.0), GHSA-2x7j-588g-ccc2 (high), GHSA-cc9r-2j5m-2m83, GHSA-wmmp-3585-3rmp, GHSA-8m3c-c648-2xjj"],
];

function parse(v) {
  const [core, pre] = v.split("+")[0].split("-", 2);
  return { nums: core.split(".").map(Number), pre: pre ? pre.split(".") : [] };
}
function compare(a, b) {
  const x = parse(a), y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (!x.pre.length || !y.pre.length) return (x.pre.length ? -1 : 0) + (y.pre.length ? 1 : 0);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i], q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const np = /^\d+$/.test(p), nq = /^\d+$/.test(q);
    if (np && nq && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (np !== nq) return np ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

const lockPath = process.argv[2] ?? "package-lock.json";
let lock;
try {
  lock = JSON.parse(readFileSync(lockPath, "utf8"));
} catch (error) {
  console.error(`security-floors: cannot read ${lockPath}: ${error.message}`);
  process.exit(2);
}
const problems = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  const name = entry.name ?? path.split("node_modules/").pop();
  if (!path || !entry.version || entry.link) continue;
  for (const [pkg, floor, why, line] of FLOORS) {
    if (name !== pkg || (line && !entry.version.startsWith(line))) continue;
    checked++;
    if (compare(entry.version, floor) < 0) problems.push(`${pkg} ${entry.version} at ${path}: below ${floor} (${why})`);
  }
}
for (const p of problems) console.log(p);
console.log(problems.length ? `security floors: ${problems.length} below` : `security floors: all ${checked} copies checked hold`);
process.exit(problems.length ? 1 : 0);
