import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getRedis, redisReady } from "@/lib/redis/client";

/** Every limit the site applies, named once: so many actions per window, per key. */
export const LIMITS = {
  signInLinkPerAddress: { points: 3, duration: 15 * 60 },
  signInLinkPerClient: { points: 30, duration: 15 * 60 },
  commentPerReader: { points: 10, duration: 60 },
  signupPerClient: { points: 10, duration: 60 * 60 },
  noticePerClient: { points: 5, duration: 60 * 60 },
} as const;

export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, RateLimiterAbstract>();

/**
 * In Redis when REDIS_URL is set, so that a limit holds across instances; in memory
 * otherwise. While Redis is down, each instance counts in memory meanwhile (the insurance
 * limiter), so that writes still go through.
 */
function limiter(name: LimitName): RateLimiterAbstract {
  let found = limiters.get(name);
  if (!found) {
    const options = { keyPrefix: `ledger:limit:${name}`, ...LIMITS[name] };
    const redis = getRedis();
    found = redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
    limiters.set(name, found);
  }
  return found;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one action against a limit. Keys are hashed, so that addresses are never kept
 * in the limiter's store.
 */
export async function consume(name: LimitName, key: string): Promise<LimitResult> {
  const hashed = createHash("sha256").update(key).digest("base64url");
  const redis = getRedis();
  if (redis) await redisReady(redis);
  try {
    await limiter(name).consume(hashed);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
    throw rejection;
  }
}

/** "N minutes" or "N seconds", for a message that says when to try again. */
export function waitPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * The client's address as the nearest proxy saw it: the last entry of X-Forwarded-For,
 * which the front (nginx, see deploy/) sets and Next.js fills in when there is none.
 */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  return forwarded.split(",").at(-1)?.trim() || "unknown";
}
