import { z } from "zod";

/**
 * The one place that reads process.env. Every setting is validated once, with a message
 * that names the variable, so a typo fails at start rather than deep inside a request.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" })
    .optional()
    .transform((value) => value?.replace(/\/+$/, "")),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: or postgres://")
    .default("file:data/site.db"),
});

export type DatabaseSetting =
  { kind: "sqlite"; path: string } | { kind: "postgres"; connectionString: string };

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  siteUrl: string;
  database: DatabaseSetting;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid settings: ${problems}`);
  }
  const { NODE_ENV, PORT, SITE_URL, DATABASE_URL } = result.data;
  const database: DatabaseSetting = DATABASE_URL.startsWith("file:")
    ? { kind: "sqlite", path: DATABASE_URL.slice("file:".length) }
    : { kind: "postgres", connectionString: DATABASE_URL };
  return {
    env: NODE_ENV,
    port: PORT,
    siteUrl: SITE_URL ?? `http://localhost:${PORT}`,
    database,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
