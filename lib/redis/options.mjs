/**
 * How every connection to the shared Redis behaves, for the app (lib/redis/client.ts) and
 * the Next.js cache handler (lib/cache/redis-cache-handler.mjs, loaded outside the bundle,
 * hence plain JavaScript): commands fail at once while Redis is down (no offline queue), so
 * that callers fall back rather than wait, and the client reconnects by itself.
 */
export const REDIS_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
};
