import "server-only";
import { Redis } from "ioredis";
import { getConfig } from "@/lib/config";
import { REDIS_OPTIONS } from "./options.mjs";

let client: Redis | null | undefined;

/** The shared Redis connection when REDIS_URL is set, else null (options.mjs says how it behaves). */
export function getRedis(): Redis | null {
  if (client !== undefined) return client;
  const url = getConfig().redisUrl;
  client = url ? new Redis(url, REDIS_OPTIONS) : null;
  client?.on("error", () => {
    // Reported by the health check; the client keeps reconnecting.
  });
  return client;
}

/**
 * Waits, a second at most, for the first connection: a command sent before it would fail
 * (there is no offline queue) and be counted in memory instead. While Redis is down
 * (reconnecting), it does not wait: the caller falls back at once.
 */
export async function redisReady(redis: Redis, timeoutMs = 1_000): Promise<void> {
  if (redis.status !== "connecting" && redis.status !== "connect" && redis.status !== "wait")
    return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      redis.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once("ready", done);
    redis.once("error", done);
  });
}

/** "up", "down", or null when REDIS_URL is not set. */
export async function redisStatus(): Promise<"up" | "down" | null> {
  const redis = getRedis();
  if (!redis) return null;
  try {
    const answer = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 1_000)),
    ]);
    return answer === "PONG" ? "up" : "down";
  } catch {
    return "down";
  }
}
