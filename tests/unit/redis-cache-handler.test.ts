import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type RedisCacheHandler from "@/lib/cache/redis-cache-handler.mjs";
import { redisServer, startRedis, type TestRedis } from "../e2e/support/redis";

/**
 * The shared Next.js cache, as two instances see it: each is the handler module loaded
 * afresh (its own local copies), on one Redis of the test's own.
 */
const PORT = 3133;

describe.skipIf(!redisServer)("the Redis cache handler shared by several instances", () => {
  let redis: TestRedis;
  let a: RedisCacheHandler;
  let b: RedisCacheHandler;

  async function instance(): Promise<RedisCacheHandler> {
    vi.resetModules();
    const { default: Handler } = await import("@/lib/cache/redis-cache-handler.mjs");
    return new Handler({});
  }

  beforeAll(async () => {
    redis = await startRedis(PORT);
    vi.stubEnv("REDIS_URL", redis.url);
    a = await instance();
    b = await instance();
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await redis?.stop();
  });

  const page = (html: string) => ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`rsc:${html}`),
    segmentData: new Map([["/_index", Buffer.from("segment")]]),
    headers: { "x-next-cache-tags": "comments:flagship,_N_T_/analysis" },
  });

  it("serves a page rendered by one instance from the other, buffers and maps intact", async () => {
    expect(await b.get("/shared")).toBeNull();
    await a.set("/shared", page("first"), { cacheControl: { revalidate: false } });
    const entry = await b.get("/shared");
    expect(entry?.cacheControl).toEqual({ revalidate: false });
    const value = entry?.value as ReturnType<typeof page>;
    expect(value.html).toBe("first");
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe("rsc:first");
    expect(value.segmentData.get("/_index")?.toString()).toBe("segment");
  });

  it("keeps a search's page an hour, and other pages a week", async () => {
    const { default: Redis } = await import("ioredis");
    const client = new Redis(redis.url);
    try {
      await a.set("/search/results/cT1hcm1z", page("a search"));
      await a.set("/analysis/kept", page("an article"));
      const search = await client.ttl("ledger:next:/search/results/cT1hcm1z");
      const article = await client.ttl("ledger:next:/analysis/kept");
      expect(search).toBeGreaterThan(3500);
      expect(search).toBeLessThanOrEqual(3600);
      expect(article).toBeGreaterThan(6 * 24 * 3600);
    } finally {
      client.disconnect();
    }
  });

  it("a tag expired on one instance expires the other's copy at once", async () => {
    await b.get("/expired"); // a miss, then b's render
    await b.set("/expired", page("before the comment"));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await a.get("/expired")).not.toBeNull();
    await a.revalidateTag(["comments:flagship"]);
    expect(await b.get("/expired")).toBeNull();
    expect(await a.get("/expired")).toBeNull();
  });

  it("a render that began before an expiry is not served; one that began after it is", async () => {
    // Instance b misses, and its render reads the comments…
    expect(await b.get("/race")).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // …a comment is posted through a, expiring the tag…
    await a.revalidateTag("comments:flagship");
    await new Promise((resolve) => setTimeout(resolve, 5));
    // …and b stores what it rendered without that comment.
    await b.set("/race", page("without the comment"));
    expect(await a.get("/race")).toBeNull();
    // The next render began after the expiry: it is served at once, by both.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.set("/race", page("with the comment"));
    expect((await b.get("/race"))?.value).toMatchObject({ html: "with the comment" });
    expect((await a.get("/race"))?.value).toMatchObject({ html: "with the comment" });
  });

  it("tags in the request's context count as the entry's own", async () => {
    await a.get("/data");
    await a.set("/data", { kind: "FETCH", data: { body: "[]" } }, { tags: ["comments:other"] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await b.get("/data", { softTags: ["_N_T_/other"] })).not.toBeNull();
    await b.revalidateTag("_N_T_/other");
    expect(await a.get("/data", { softTags: ["_N_T_/other"] })).toBeNull();
  });

  it("while Redis is down, serves its own copies and stores without throwing", async () => {
    await a.get("/outage");
    await a.set("/outage", page("kept here"));
    await redis.stop();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect((await a.get("/outage"))?.value).toMatchObject({ html: "kept here" });
      expect(await b.get("/never-rendered")).toBeNull();
      await expect(a.set("/during", page("during"))).resolves.toBeUndefined();
      await expect(a.revalidateTag("comments:flagship")).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("[cache] Redis unavailable"));
    } finally {
      await redis.start();
      warn.mockRestore();
    }
  });
});
