import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";

/**
 * A Redis server of the test's own (Debian's redis-server), on a port of its own and with
 * nothing written to disk, so that a test can stop and start it, and no two tests share keys.
 */
export const redisServer = (() => {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
})();

export interface TestRedis {
  url: string;
  /** Stops the server (SIGKILL: as a crash would); start() brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.write("PING\r\n");
    });
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

export async function startRedis(port: number): Promise<TestRedis> {
  if (!redisServer) throw new Error("redis-server is not installed");
  let child: ChildProcess | null = null;
  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) return;
    child = spawn(
      redisServer,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await answers(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}
