import type { RedisOptions } from "ioredis";

export const REDIS_OPTIONS: RedisOptions;
