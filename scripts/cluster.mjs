/**
 * npm run cluster: the same build as several instances behind nginx, on this machine.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run cluster
 *
 * Starts CLUSTER_SIZE instances (default 2) of `next start` on ports PORT+1 … PORT+N, all on
 * the PostgreSQL of DATABASE_URL and the Redis of REDIS_URL, and nginx (deploy/nginx.conf)
 * on PORT (default 3000). Builds first if there is no build. An instance that exits is
 * started again, as a process manager would. Ctrl-C stops everything and removes nginx's
 * temporary folder.
 *
 * The settings every instance must share and that the site refuses to start without
 * (AUTH_SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) are generated on a first try when they are
 * not set, and kept in DATA_DIR/cluster-secrets.json so that sessions survive a restart.
 *
 * Tests and the benchmark run their own with scripts/lib/cluster.mjs.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCluster } from "./lib/cluster.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: from the environment, or kept in dataDir. */
function sharedSecrets(env, dataDir) {
  const file = path.join(dataDir, "cluster-secrets.json");
  let kept = {};
  if (existsSync(file)) kept = JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    AUTH_SECRET: env.AUTH_SECRET || kept.AUTH_SECRET || randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:
      env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ||
      kept.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ||
      randomBytes(32).toString("base64"),
  };
  if (!env.AUTH_SECRET || !env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    console.warn(
      `[cluster] AUTH_SECRET or NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set: using the ones kept in ${file}. In production, set both, the same on every instance.`,
    );
  }
  return secrets;
}

function fail(message) {
  console.error(`npm run cluster: ${message}`);
  process.exit(1);
}

async function main() {
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const port = Number(env.PORT || 3000);
  const size = Number(env.CLUSTER_SIZE || 2);
  if (!Number.isInteger(port) || port < 1 || port + size > 65_535)
    fail("PORT must be a port number");
  if (!Number.isInteger(size) || size < 1 || size > 32) fail("CLUSTER_SIZE must be 1 to 32");
  if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "")) {
    fail(
      "set DATABASE_URL to the PostgreSQL every instance shares, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
    );
  }
  if (!/^rediss?:\/\//.test(env.REDIS_URL ?? "")) {
    fail("set REDIS_URL to the Redis every instance shares, e.g. REDIS_URL=redis://127.0.0.1:6379");
  }
  env.SITE_URL ||= `http://localhost:${port}`;
  env.DATA_DIR ||= path.join(ROOT, "data");
  Object.assign(env, sharedSecrets(env, env.DATA_DIR));

  if (!existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.error("[cluster] no build yet: building once for every instance");
    const built = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"],
      {
        cwd: ROOT,
        env,
        stdio: "inherit",
      },
    );
    if (built.status !== 0) fail("the build failed");
  }

  const cluster = await startCluster({ port, size, env, cwd: ROOT });
  console.error(
    `[cluster] ${cluster.url} → nginx → ${size} instance(s): ${cluster.instanceUrls.join(", ")}. Ctrl-C stops them.`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
}
