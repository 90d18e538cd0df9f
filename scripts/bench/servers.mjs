/** Building and running production servers for the benchmark. */
import { spawn, spawnSync } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed in ${options.cwd ?? "."}`);
}

/** The settings a benchmark server runs with: its own port, database and data folder. */
export function serverEnv(port, dataDir) {
  return {
    ...process.env,
    PORT: String(port),
    SITE_URL: `http://localhost:${port}`,
    DATABASE_URL: `file:${path.join(dataDir, "site.db")}`,
    DATA_DIR: dataDir,
    AUTH_SECRET: "bench-secret-that-is-long-enough-for-auth-js-01234",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // A build of its own: the benchmark never overwrites the reader's .next.
    NEXT_DIST_DIR: BENCH_BUILD_DIR,
  };
}

export const BENCH_BUILD_DIR = ".tmp/bench-build";

/** `npm run build`: what the project ships, its compile hints included. */
export function build(cwd, env) {
  run("npm", ["run", "build"], { cwd, env });
}

async function waitForServer(server, base, health) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server for ${base} exited during start-up`);
    try {
      if ((await fetch(`${base}${health}`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base} did not answer within a minute`);
}

/**
 * Starts `next start` in cwd; resolves once `health` (/api/health) answers. Its output goes
 * to `log` when given (to see what a failed request met), or nowhere.
 */
export async function startServer({ cwd = ".", port, env, health = "/api/health", log }) {
  const base = `http://localhost:${port}`;
  // A server left on the port (by a run that was killed) would answer for this one.
  const taken = await fetch(`${base}${health}`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is taken by another server: stop it first`);
  const output = log ? openSync(log, "w") : "ignore";
  const server = spawn("npx", ["next", "start", "-p", String(port)], {
    cwd,
    env,
    stdio: ["ignore", output, output],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  try {
    await waitForServer(server, base, health);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop, pid: server.pid };
}

/** The resident memory of a server started above: its largest process (the Next.js server), in MB. */
export function serverMemoryMb(pid) {
  const result = spawnSync("ps", ["-o", "rss=", "-g", String(pid)], { encoding: "utf8" });
  const sizes = result.stdout
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((size) => size > 0);
  return Math.round(Math.max(0, ...sizes) / 1024);
}
