/** The types of redis-cache-handler.mjs, for the tests that use it outside Next.js. */
export interface CacheEntry {
  lastModified: number;
  value: unknown;
  cacheControl?: unknown;
}

export interface CacheContext {
  tags?: string[];
  softTags?: string[];
  cacheControl?: unknown;
}

export default class RedisCacheHandler {
  constructor(options?: unknown);
  get(key: string, ctx?: CacheContext): Promise<CacheEntry | null>;
  set(key: string, value: unknown, ctx?: CacheContext): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
