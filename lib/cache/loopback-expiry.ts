import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Expiring Next.js's cache from outside a request (a timer) needs a request of Next.js's own:
 * revalidateTag and revalidatePath throw anywhere else. So the process asks the server it runs
 * in, over loopback, with a key only this process knows: POST /api/internal/expire
 * (app/api/internal/expire/route.ts). With a shared cache (REDIS_URL) the expiry reaches
 * every instance through it.
 */
const KEY = Symbol.for("the-strategic-ledger.expiry-key");
type WithKey = typeof globalThis & { [KEY]?: Buffer };

function processKey(): Buffer {
  const holder = globalThis as WithKey;
  holder[KEY] ??= randomBytes(32);
  return holder[KEY];
}

export const EXPIRY_KEY_HEADER = "x-expiry-key";

/** Whether a request's key is this process's own. */
export function isExpiryKey(value: string | null): boolean {
  if (!value) return false;
  const given = Buffer.from(value, "hex");
  const key = processKey();
  return given.length === key.length && timingSafeEqual(given, key);
}

/** What to expire: these cache tags, or every cached page. */
export const expiryRequest = z.union([
  z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(1000) }).strict(),
  z.object({ everything: z.literal(true) }).strict(),
]);
export type ExpiryRequest = z.infer<typeof expiryRequest>;

/** Asks the server on `port` (this process's own) to expire what `request` names. */
export async function expireOverLoopback(port: string, request: ExpiryRequest): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/api/internal/expire`, {
    method: "POST",
    headers: {
      [EXPIRY_KEY_HEADER]: processKey().toString("hex"),
      "content-type": "application/json",
    },
    body: JSON.stringify(request),
  });
  if (response.status !== 204) throw new Error(`the server answered ${response.status}`);
}

/**
 * A page render that began before a write, and read what the write changed, can finish after
 * the write's expiry and be cached as new: Next.js dates a cache entry by when it was stored,
 * not by when its render began. Under load (a render taking seconds) an anonymous reader would
 * then keep seeing the old text until the next write. So a write's tags are expired once more,
 * when any render that could have begun before it has finished.
 */
export const SETTLE_MS = 5_000;

export function expireAgainLater(tags: readonly string[], wait = SETTLE_MS): void {
  if (!tags.length) return;
  const timer = setTimeout(() => {
    const port = process.env.PORT;
    if (!port) return;
    expireOverLoopback(port, { tags: [...tags] }).catch((error: unknown) =>
      console.error("[cache] could not expire the changed pages again:", error),
    );
  }, wait);
  timer.unref();
}
