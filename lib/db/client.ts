import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Dialect } from "kysely";
import { getConfig, type DatabaseSetting } from "@/lib/config";
import { migrations } from "./migrations";
import type { Database } from "./schema";

/** The database cannot be reached or opened, for now: a request is answered "try again shortly". */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

async function createDialect(setting: DatabaseSetting): Promise<Dialect> {
  if (setting.kind === "postgres") {
    const { Pool } = await import("pg");
    // A server that does not answer fails a request in seconds rather than hanging it.
    const pool = new Pool({
      connectionString: setting.connectionString,
      max: 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection the server dropped (a restart) is an event, not a crash: the pool
    // opens a new one for the next query.
    pool.on("error", (error) =>
      console.warn(`[db] a database connection closed: ${error.message}`),
    );
    return new PostgresDialect({ pool });
  }
  const { default: SQLite } = await import("better-sqlite3");
  let database;
  try {
    mkdirSync(path.dirname(path.resolve(setting.path)), { recursive: true });
    database = new SQLite(setting.path);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `The SQLite database ${setting.path} cannot be opened: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  // WAL lets readers go on during a write; synchronous=FULL makes a committed write
  // survive a crash of the process and of the machine.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database });
}

export async function openDatabase(setting: DatabaseSetting): Promise<Kysely<Database>> {
  return new Kysely<Database>({ dialect: await createDialect(setting) });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      failed
        ? `Database migration ${failed.migrationName} failed: ${reason}`
        : `The database could not be migrated: ${reason}`,
      { cause: error },
    );
  }
  return (results ?? []).map((result) => result.migrationName);
}

let ready: Promise<Kysely<Database>> | undefined;

/**
 * The app's database, opened and migrated on first use, never at build time: the
 * prerendered pages need no database.
 */
export function getDb(): Promise<Kysely<Database>> {
  ready ??= (async () => {
    const db = await openDatabase(getConfig().database);
    try {
      await migrateToLatest(db);
    } catch (error) {
      // Not reachable (yet): close this attempt's pool; the next call tries again.
      await db.destroy().catch(() => undefined);
      throw error;
    }
    return db;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "57P01", // PostgreSQL: the server is shutting down
  "57P02",
  "57P03", // PostgreSQL: not accepting connections yet
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_READONLY",
]);

/**
 * Whether an error means the database cannot be reached (down, restarting, a file that
 * cannot be opened) rather than a fault in the request: such a request is answered "try
 * again shortly".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08")))
      return true;
    if (
      typeof message === "string" &&
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|unable to open database|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export type DatabaseStatus = { up: true } | { up: false; reason: string };

/** Whether the database answers, and if not, why, in words that leak no address or password. */
export async function databaseStatus(): Promise<DatabaseStatus> {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return { up: true };
  } catch (error) {
    console.error("Database health check failed:", error instanceof Error ? error.message : error);
    return {
      up: false,
      reason: isDatabaseUnavailable(error)
        ? "the database cannot be reached"
        : "the database did not answer as expected",
    };
  }
}

/** What a write answers while the database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "We cannot save anything just now: our database is not answering. Nothing was saved; please try again shortly.";

/**
 * A route handler that answers 503 with Retry-After, rather than 500, while the database
 * cannot be reached.
 */
export function withDatabase<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.warn(`[db] a request could not reach the database: ${String(error)}`);
      return new Response(DATABASE_UNAVAILABLE_MESSAGE, {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10" },
      });
    }
  };
}
