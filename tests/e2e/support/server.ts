import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the server; with SIGKILL, as a crash would. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  env?: Record<string, string>;
  /** Reuse a data folder (database, secret) from an earlier server; kept on stop. */
  dataDir?: string;
  /** A build of the site other than this folder's .next. */
  cwd?: string;
  /**
   * Resolve once /api/health answers 200 ("healthy", the default), or once it answers at all
   * ("listening"): a server started without its database answers 503.
   */
  ready?: "healthy" | "listening";
}

/**
 * Starts another production server from a build, on its own port, data folder and
 * database, for tests that need other settings, a crash or a restart. A data folder it
 * made itself is removed by removeDataDir().
 */
export async function startServer(
  port: number,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "ledger-e2e-")));
  let output = "";
  const child: ChildProcess = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(port)],
    {
      cwd: options.cwd ?? process.cwd(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
        PORT: String(port),
        SITE_URL: `http://localhost:${port}`,
        DATA_DIR: dataDir,
        DATABASE_URL: `file:${dataDir}/site.db`,
        ...options.env,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, signal);
      await exited;
    }
  };

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const health = await fetch(`${url}/api/health`);
      if (health.ok || options.ready === "listening")
        return { url, dataDir, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  // A folder it made for a server that never started is nobody else's to remove.
  if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  throw new Error(`The server on port ${port} did not start:\n${output}`);
}

export async function removeDataDir(server: RunningServer): Promise<void> {
  await rm(server.dataDir, { recursive: true, force: true });
}
