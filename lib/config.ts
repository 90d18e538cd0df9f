import { z } from "zod";
import { isTimeZone } from "@/lib/content/schedule";

/**
 * The one place that reads process.env. Every setting is validated once, with a message
 * that names the variable, so a typo fails at start rather than deep inside a request.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const emailList = z
  .string()
  .optional()
  .transform((value, context) => {
    const addresses = (value ?? "")
      .split(",")
      .map((address) => address.trim().toLowerCase())
      .filter(Boolean);
    for (const address of addresses) {
      if (!z.email().safeParse(address).success) {
        context.addIssue({ code: "custom", message: `"${address}" is not an e-mail address` });
      }
    }
    return addresses;
  });

const envSchema = z
  .object({
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
    DATA_DIR: z.string().min(1).default("data"),
    EMAIL_SERVER: z
      .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" })
      .optional(),
    EMAIL_FROM: optionalText.refine((value) => !value || !/[\r\n]/.test(value), {
      message: "must be one line, such as: The Strategic Ledger <news@example.org>",
    }),
    AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
      .optional(),
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    AUTH_OIDC_ISSUER: z
      .url({ protocol: /^https?$/, message: "must be the issuer's http(s) URL" })
      .optional(),
    AUTH_OIDC_ID: optionalText,
    AUTH_OIDC_SECRET: optionalText,
    AUTH_OIDC_NAME: optionalText,
    ADMIN_EMAILS: emailList,
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// URL" })
      .optional(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine((value) => [16, 24, 32].includes(Buffer.from(value, "base64").length), {
        message: "must be a base64 AES key of 16, 24 or 32 bytes (try: openssl rand -base64 32)",
      })
      .optional(),
    SECURITY_CONTACT: z
      .string()
      .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "must be a mailto: or https:// address")
      .optional(),
    COMMENTS_CLOSE_AFTER_DAYS: z
      .string()
      .regex(/^[1-9][0-9]{0,4}$/, "must be a whole number of days, 1 or more")
      .optional()
      .transform((value) => (value === undefined ? null : Number(value))),
    CONTENT_DIR: z.string().min(1).default("content"),
    NEXT_DIST_DIR: z.string().min(1).default(".next"),
    TIME_ZONE: z
      .string()
      .refine(isTimeZone, { message: "must be a time zone name, such as UTC or Europe/London" })
      .default("UTC"),
    HOLD_FIRST_COMMENT: z
      .enum(["true", "false", "1", "0"], { message: "must be true or false" })
      .optional()
      .transform((value) => value === "true" || value === "1"),
  })
  .superRefine((env, context) => {
    // Several instances (REDIS_URL) must agree on the keys that sign sessions and encrypt
    // server actions: generated ones would differ from instance to instance.
    if (env.REDIS_URL) {
      for (const name of ["AUTH_SECRET", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"] as const) {
        if (!env[name]) {
          context.addIssue({
            code: "custom",
            path: [name],
            message: "must be set, the same on every instance, when REDIS_URL is set",
          });
        }
      }
    }
    const groups: [string, (string | undefined)[], string[]][] = [
      [
        "GitHub sign-in",
        [env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET],
        ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
      ],
      [
        "OpenID Connect sign-in",
        [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET],
        ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
      ],
    ];
    for (const [what, values, names] of groups) {
      const set = values.filter(Boolean).length;
      if (set > 0 && set < values.length) {
        context.addIssue({
          code: "custom",
          path: [names[values.findIndex((value) => !value)] ?? names[0] ?? ""],
          message: `${what} needs all of ${names.join(", ")}`,
        });
      }
    }
  });

export type DatabaseSetting =
  { kind: "sqlite"; path: string } | { kind: "postgres"; connectionString: string };

export interface OAuthSetting {
  clientId: string;
  clientSecret: string;
}

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  siteUrl: string;
  database: DatabaseSetting;
  /** Where the server keeps what it makes for itself: the outbox, a generated secret. */
  dataDir: string;
  mail: { server: string | undefined; from: string };
  auth: {
    secret: string | undefined;
    github: OAuthSetting | undefined;
    oidc: (OAuthSetting & { issuer: string; name: string }) | undefined;
    adminEmails: string[];
  };
  /** Whether a reader's first comment waits for a moderator's approval. */
  comments: { holdFirst: boolean; closeAfterDays: number | null };
  /** Shared by several instances: the cache, the rate limits. Unset: one instance. */
  redisUrl: string | undefined;
  /** Where to report a vulnerability (security.txt). */
  securityContact: string;
  /**
   * Where the articles, authors and media are (the same folder at build and at start), and
   * the time zone of a `published` date without one of its own.
   */
  content: { directory: string; timeZone: string };
  /** The build's folder (NEXT_DIST_DIR): its BUILD_ID, and the bodies it parsed. */
  distDir: string;
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty value (EMAIL_SERVER= in an env file) means the setting is not set.
  const result = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")),
  );
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${String(issue.path[0] ?? "settings")}: ${issue.message}`)
      .join("; ");
    throw new Error(`Invalid settings: ${problems}`);
  }
  const settings = result.data;
  const siteUrl = settings.SITE_URL ?? `http://localhost:${settings.PORT}`;
  const database: DatabaseSetting = settings.DATABASE_URL.startsWith("file:")
    ? { kind: "sqlite", path: settings.DATABASE_URL.slice("file:".length) }
    : { kind: "postgres", connectionString: settings.DATABASE_URL };
  const github =
    settings.AUTH_GITHUB_ID && settings.AUTH_GITHUB_SECRET
      ? { clientId: settings.AUTH_GITHUB_ID, clientSecret: settings.AUTH_GITHUB_SECRET }
      : undefined;
  const oidc =
    settings.AUTH_OIDC_ISSUER && settings.AUTH_OIDC_ID && settings.AUTH_OIDC_SECRET
      ? {
          issuer: settings.AUTH_OIDC_ISSUER,
          clientId: settings.AUTH_OIDC_ID,
          clientSecret: settings.AUTH_OIDC_SECRET,
          name: settings.AUTH_OIDC_NAME ?? "OpenID Connect",
        }
      : undefined;
  return {
    env: settings.NODE_ENV,
    port: settings.PORT,
    siteUrl,
    database,
    dataDir: settings.DATA_DIR,
    mail: {
      server: settings.EMAIL_SERVER,
      from: settings.EMAIL_FROM ?? `The Strategic Ledger <no-reply@${new URL(siteUrl).hostname}>`,
    },
    auth: {
      secret: settings.AUTH_SECRET,
      github,
      oidc,
      adminEmails: settings.ADMIN_EMAILS,
    },
    comments: {
      holdFirst: settings.HOLD_FIRST_COMMENT,
      closeAfterDays: settings.COMMENTS_CLOSE_AFTER_DAYS,
    },
    redisUrl: settings.REDIS_URL,
    securityContact: settings.SECURITY_CONTACT ?? `mailto:security@${new URL(siteUrl).hostname}`,
    content: { directory: settings.CONTENT_DIR, timeZone: settings.TIME_ZONE },
    distDir: settings.NEXT_DIST_DIR,
  };
}

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * Auth.js reads its public address from AUTH_URL on every request and never from
 * anywhere else, so that is where SITE_URL goes: links in sign-in mail and redirects
 * after sign-in then come from SITE_URL, never from a request's Host header.
 */
export function exposeAuthUrl(): void {
  process.env.AUTH_URL = `${getConfig().siteUrl}/api/auth`;
}
