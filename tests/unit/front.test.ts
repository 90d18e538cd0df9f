import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { connect, constants } from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNginx, startFront, type Front } from "../../scripts/lib/cluster.mjs";

/**
 * deploy/nginx.conf's HTTPS lines, switched on as the benchmark does: the front answers over
 * TLS with HTTP/2, and keeps answering plain HTTP on its own port.
 */
const PORT = 3140;
const TLS_PORT = 3141;
const INSTANCE_PORT = 3142;
const hasOpenssl = spawnSync("sh", ["-c", "command -v openssl"]).status === 0;

function http2Get(origin: string, path: string) {
  return new Promise<{ status: number; body: string; protocol: string }>((resolve, reject) => {
    // The front's certificate is one it made for itself a moment ago.
    const session = connect(origin, { rejectUnauthorized: false });
    session.on("error", reject);
    const request = session.request({ [constants.HTTP2_HEADER_PATH]: path });
    let status = 0;
    let body = "";
    request.on("response", (headers) => {
      status = Number(headers[constants.HTTP2_HEADER_STATUS]);
    });
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      const protocol = session.alpnProtocol ?? "";
      session.close();
      resolve({ status, body, protocol });
    });
    request.on("error", reject);
    request.end();
  });
}

describe.skipIf(!findNginx() || !hasOpenssl)("the front over HTTPS", () => {
  let instance: Server;
  let front: Front;
  const seen: { proto?: string; path?: string }[] = [];

  beforeAll(async () => {
    instance = createServer((request, response) => {
      seen.push({ proto: request.headers["x-forwarded-proto"] as string, path: request.url });
      response.setHeader("content-type", "text/plain");
      response.end(request.url === "/api/health" ? "ok" : "a page");
    });
    await new Promise<void>((resolve) => instance.listen(INSTANCE_PORT, "127.0.0.1", resolve));
    front = await startFront({
      port: PORT,
      tlsPort: TLS_PORT,
      instancePorts: [INSTANCE_PORT],
      log: () => {},
    });
  });

  afterAll(async () => {
    await front?.stop();
    await new Promise((resolve) => instance?.close(resolve));
  });

  it("speaks HTTP/2 over TLS, and tells the instance the request came by https", async () => {
    expect(front.secureUrl).toBe(`https://localhost:${TLS_PORT}`);
    const answer = await http2Get(front.secureUrl!, "/analysis/a-page");
    expect(answer).toEqual({ status: 200, body: "a page", protocol: "h2" });
    expect(seen.at(-1)).toEqual({ proto: "https", path: "/analysis/a-page" });
  });

  it("still answers plain HTTP on its own port", async () => {
    const answer = await fetch(`${front.url}/analysis/another`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("a page");
    expect(seen.at(-1)).toEqual({ proto: "http", path: "/analysis/another" });
  });
});
