/**
 * The site as several instances for the benchmark: two of the current build behind nginx
 * (scripts/lib/cluster.mjs, deploy/nginx.conf), on a PostgreSQL database and a Redis server
 * of their own. Returns null, with the reason, when nginx or redis-server is missing.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { findNginx, startCluster } from "../lib/cluster.mjs";

function redisServer() {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

async function startRedis(binary, port) {
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await answers(port)) return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill() };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill();
  throw new Error(`redis-server did not start on port ${port}`);
}

export async function startBenchCluster({ port, redisPort, databaseUrl, env }) {
  const nginx = findNginx();
  const redisBinary = redisServer();
  if (!nginx || !redisBinary) {
    return {
      cluster: null,
      note: `not measured: ${nginx ? "redis-server" : "nginx"} is not installed`,
    };
  }
  const redis = await startRedis(redisBinary, redisPort);
  try {
    const cluster = await startCluster({
      port,
      size: 2,
      log: () => {},
      env: {
        ...env,
        SITE_URL: `http://localhost:${port}`,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      },
    });
    return {
      cluster,
      async stop() {
        await cluster.stop();
        redis.stop();
      },
    };
  } catch (error) {
    redis.stop();
    throw error;
  }
}
