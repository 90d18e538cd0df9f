/**
 * The Next.js cache (rendered pages, tagged data) in Redis, for several instances: an entry
 * rendered by one instance is served by all, and a tag expired by one (a new comment) is
 * expired for all at once. next.config.mjs uses it when REDIS_URL is set.
 *
 * Plain JavaScript, because Next.js loads it by path at start, outside the app's bundle;
 * so it reads REDIS_URL itself rather than through lib/config.ts.
 *
 * - Entries live in Redis for a week at most (the store stays bounded), with a small copy
 *   in each process; tag expiry times live in one Redis hash and are read on every get, so a
 *   local copy is never served after its tags were expired on another instance.
 * - Buffers and Maps (a page's RSC payload and segments) are encoded so that they survive
 *   JSON.
 * - While Redis is down, gets fall back to the local copies and misses render afresh; sets
 *   and expiries that cannot reach Redis are logged, never thrown: the site stays up.
 */
import { Redis } from "ioredis";
import { REDIS_OPTIONS } from "../redis/options.mjs";

const PREFIX = "ledger:next:";
const TAGS = `${PREFIX}tags`;
const TTL_SECONDS = 7 * 24 * 60 * 60;
/**
 * Searches' pages (app/(public)/search/results/): one per search anyone makes up, so kept an
 * hour: a run of made-up searches cannot fill Redis for a week.
 */
const SEARCH_KEY = "/search/results/";
const SEARCH_TTL_SECONDS = 60 * 60;
const LOCAL_ENTRIES = 500;
/**
 * An entry counts as made when the miss that started its render happened: a render that
 * read the comments just before a comment was posted elsewhere, and stored its page just
 * after that comment expired the page's tag, must not be served as fresh. Without a recent
 * miss (a background regeneration), it counts as made this long before it was stored.
 */
const RENDER_MARGIN_MS = 1_000;
/** A miss older than this did not start the render being stored. */
const RENDER_LIMIT_MS = 30_000;

/** When each key last missed here, which is when its render began. */
const missedAt = new Map();

function missed(key) {
  const now = Date.now();
  const since = missedAt.get(key);
  // The earliest of concurrent misses, a millisecond early (an expiry in the same
  // millisecond may have come just after the render's read).
  if (since === undefined || now - since >= RENDER_LIMIT_MS) {
    missedAt.delete(key);
    missedAt.set(key, now - 1);
    if (missedAt.size > LOCAL_ENTRIES) missedAt.delete(missedAt.keys().next().value);
  }
  return null;
}

function madeAt(key) {
  const now = Date.now();
  const since = missedAt.get(key);
  missedAt.delete(key);
  return since !== undefined && now - since < RENDER_LIMIT_MS ? since : now - RENDER_MARGIN_MS;
}

/** Tags expired while Redis could not be told, told once it is back. */
const unsharedTags = new Set();

/** @type {Redis | undefined} */
let redis;
let down = false;

/** Says once per outage that Redis is unreachable, rather than on every request. */
function reportOutage(error) {
  if (down) return;
  down = true;
  console.warn(`[cache] Redis unavailable, serving the copies kept here: ${error.message}`);
}
function client() {
  if (!redis) {
    redis = new Redis(process.env.REDIS_URL ?? "", REDIS_OPTIONS);
    let connectedBefore = false;
    redis.on("error", (error) => reportOutage(error));
    redis.on("ready", () => {
      if (connectedBefore) {
        // Back after an outage (perhaps a Redis that lost its data): the copies kept here
        // meanwhile may have missed expiries, and are dropped.
        local.clear();
        console.warn("[cache] Redis is back: sharing the cache again");
      }
      connectedBefore = true;
      down = false;
      if (unsharedTags.size > 0) void shareExpiry([...unsharedTags]);
    });
  }
  return redis;
}

/** The client, once its first connection is made (a second at most; not while it is down). */
async function ready() {
  const redis = client();
  if (redis.status === "connecting" || redis.status === "connect" || redis.status === "wait") {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return redis;
}

/** @type {Map<string, { lastModified: number, value: unknown, tags: string[], cacheControl?: unknown }>} */
const local = new Map();

function remember(key, entry) {
  local.delete(key);
  local.set(key, entry);
  if (local.size > LOCAL_ENTRIES) local.delete(local.keys().next().value);
}

function encode(value) {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return { __b64: Buffer.from(value).toString("base64") };
  }
  if (value instanceof Map) return { __map: [...value].map(([key, item]) => [key, encode(item)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  }
  return value;
}

function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if (typeof value.__b64 === "string") return Buffer.from(value.__b64, "base64");
    if (Array.isArray(value.__map))
      return new Map(value.__map.map(([key, item]) => [key, decode(item)]));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
  }
  return value;
}

/** A page's or route's tags are in its x-next-cache-tags header; data's in the context. */
function tagsOf(value, ctx) {
  const header = value?.headers?.["x-next-cache-tags"];
  const fromHeader = typeof header === "string" ? header.split(",") : [];
  return [...new Set([...fromHeader, ...(ctx?.tags ?? []), ...(value?.tags ?? [])])].filter(
    Boolean,
  );
}

async function shareExpiry(tags) {
  try {
    await (
      await ready()
    ).hset(TAGS, Object.fromEntries(tags.map((tag) => [tag, String(Date.now())])));
    for (const tag of tags) unsharedTags.delete(tag);
  } catch (error) {
    // Told once Redis is back (the "ready" handler).
    for (const tag of tags) unsharedTags.add(tag);
    reportOutage(error);
  }
}

async function expiredSince(tags, lastModified) {
  if (tags.length === 0) return false;
  const times = await (await ready()).hmget(TAGS, ...tags);
  return times.some((time) => time !== null && Number(time) > lastModified);
}

export default class RedisCacheHandler {
  constructor(options) {
    this.options = options;
  }

  async get(key, ctx = {}) {
    const expired = (found) =>
      expiredSince(
        [...new Set([...found.tags, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])])],
        found.lastModified,
      );
    let entry = local.get(key);
    try {
      if (entry && (await expired(entry))) {
        // Expired here; another instance may have rendered it since.
        local.delete(key);
        entry = undefined;
      }
      if (!entry) {
        const stored = await (await ready()).get(PREFIX + key);
        if (!stored) return missed(key);
        const found = decode(JSON.parse(stored));
        if (await expired(found)) return missed(key);
        entry = found;
        remember(key, entry);
      }
    } catch (error) {
      // Redis is unreachable: serve the local copy if there is one, else render afresh.
      reportOutage(error);
      if (!entry) return missed(key);
    }
    // The lifetime it was rendered with, so that an instance that did not render it serves it
    // with the same one.
    return {
      lastModified: entry.lastModified,
      value: entry.value,
      cacheControl: entry.cacheControl,
    };
  }

  async set(key, value, ctx = {}) {
    if (!value) {
      local.delete(key);
      missedAt.delete(key);
      return;
    }
    const entry = {
      lastModified: madeAt(key),
      value,
      tags: tagsOf(value, ctx),
      cacheControl: ctx.cacheControl,
    };
    remember(key, entry);
    try {
      const ttl = key.startsWith(SEARCH_KEY) ? SEARCH_TTL_SECONDS : TTL_SECONDS;
      await (await ready()).set(PREFIX + key, JSON.stringify(encode(entry)), "EX", ttl);
    } catch (error) {
      reportOutage(error);
    }
  }

  async revalidateTag(tags) {
    const list = [tags].flat().filter(Boolean);
    if (list.length === 0) return;
    for (const [key, entry] of local) {
      if (entry.tags.some((tag) => list.includes(tag))) local.delete(key);
    }
    await shareExpiry(list);
  }

  resetRequestCache() {}
}
