import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, Migrator, PostgresDialect, sql, type Dialect } from "kysely";
import { getConfig, type DatabaseSetting } from "@/lib/config";
import { DatabaseUnavailableError } from "./errors";
import { migrations } from "./migrations";
import type { Database } from "./schema";
import { openSqlite, unavailableReason } from "./sqlite-driver";

export { DatabaseUnavailableError };

async function createDialect(
  setting: DatabaseSetting,
  onBroken: (reason: string) => void,
): Promise<Dialect> {
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
    // A connection lost while checked out between two queries (a transaction waiting on
    // something else) emits on its client: without a listener, that is an uncaught exception
    // that takes the process down. Its next query fails instead, and is answered as an outage.
    pool.on("connect", (client) =>
      client.on("error", (error) =>
        console.warn(`[db] a database connection in use closed: ${error.message}`),
      ),
    );
    return new PostgresDialect({ pool });
  }
  try {
    mkdirSync(path.dirname(path.resolve(setting.path)), { recursive: true });
  } catch (error) {
    throw new DatabaseUnavailableError("the database file cannot be opened", { cause: error });
  }
  return openSqlite(setting.path, onBroken);
}

/**
 * Opens the database. `onBroken` is called when an SQLite file turns out damaged or
 * unreadable in use, so that the app opens it afresh (a restored file) rather than keep a
 * handle on the broken one.
 */
export async function openDatabase(
  setting: DatabaseSetting,
  onBroken: (reason: string) => void = () => {},
): Promise<Kysely<Database>> {
  return new Kysely<Database>({ dialect: await createDialect(setting, onBroken) });
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

/** How often a database that could not be opened is tried again, at most. */
export const RETRY_MS = 2_000;
/** Damage found in use (an SQLite page): health reports it for this long after the last. */
const DAMAGE_REPORTED_MS = 30_000;

/**
 * One database per process. Next.js bundles this module once per layer (pages and actions,
 * route handlers, instrumentation), so its state lives on the process: one SQLite write
 * handle, one PostgreSQL pool, and health sees the damage a page render found.
 */
interface DatabaseState {
  ready?: Promise<Kysely<Database>>;
  /** The last failure to open, and when: within RETRY_MS, callers get it again at once. */
  lastFailure?: { error: unknown; at: number };
  lastDamage?: { reason: string; at: number };
}
const state: DatabaseState = ((globalThis as { [key: symbol]: unknown })[
  Symbol.for("the-strategic-ledger.database")
] ??= {}) as DatabaseState;

/**
 * The app's database, opened and migrated on first use, never at build time: the
 * prerendered pages need no database. Until it can be opened and migrated, every use fails
 * with DatabaseUnavailableError (pages degrade, writes answer "try again shortly"), and it
 * is tried again at most every RETRY_MS, so that a database that hangs does not hold every
 * request for its connection timeout.
 */
export function getDb(): Promise<Kysely<Database>> {
  if (state.ready) return state.ready;
  if (state.lastFailure && Date.now() - state.lastFailure.at < RETRY_MS) {
    return Promise.reject(state.lastFailure.error);
  }
  const opening: Promise<Kysely<Database>> = (async () => {
    const db = await openDatabase(getConfig().database, (reason) => {
      // A damaged file: forget this handle; the next use opens the file again.
      state.lastDamage = { reason, at: Date.now() };
      if (state.ready === opening) state.ready = undefined;
      void db.destroy().catch(() => undefined);
    });
    try {
      await migrateToLatest(db);
    } catch (error) {
      // Not reachable (yet), or not migratable: close this attempt; a later call tries again.
      await db.destroy().catch(() => undefined);
      throw isDatabaseUnavailable(error)
        ? error
        : new DatabaseUnavailableError("the database could not be migrated", { cause: error });
    }
    state.lastFailure = undefined;
    return db;
  })().catch((error: unknown) => {
    if (state.ready === opening) state.ready = undefined;
    state.lastFailure = { error, at: Date.now() };
    throw error;
  });
  state.ready = opening;
  return opening;
}

/** Closes the process's database and forgets it (at shutdown, and between tests). */
export async function closeDatabase(): Promise<void> {
  const ready = state.ready;
  state.ready = undefined;
  state.lastFailure = undefined;
  state.lastDamage = undefined;
  await ready?.then((db) => db.destroy()).catch(() => undefined);
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
  "SQLITE_CORRUPT",
  "SQLITE_NOTADB",
  "SQLITE_BUSY",
]);

/**
 * Whether an error means the database cannot be used for now (down, restarting, locked, a
 * file that cannot be opened or is damaged, a failed migration) rather than a fault in the
 * request: such a request is answered "try again shortly". A failure of mail is never one,
 * though it shares the network's error codes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailability(error) !== null;
}

function unavailability(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    // By name: an error made by another layer's copy of these classes is the same error.
    const { name } = current as { name?: unknown };
    if (name === "DatabaseUnavailableError") return (current as Error).message;
    if (name === "MailError") return null;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08")))
      return unavailableReason(current) ?? "the database cannot be reached";
    if (
      typeof message === "string" &&
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|unable to open database|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return "the database cannot be reached";
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** The first line of every message down an error's causes: what the log says. */
export function describeDatabaseError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { message, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof message === "string") parts.push(message.split("\n")[0] ?? "");
    current = cause;
  }
  return parts.join(": ") || String(error);
}

export type DatabaseStatus = { up: true } | { up: false; reason: string };

/** Whether the database answers, and if not, why, in words that leak no address or password. */
export async function databaseStatus(): Promise<DatabaseStatus> {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    const damage = state.lastDamage;
    if (damage && Date.now() - damage.at < DAMAGE_REPORTED_MS) {
      return { up: false, reason: damage.reason };
    }
    return { up: true };
  } catch (error) {
    console.error(`[db] health check failed: ${describeDatabaseError(error)}`);
    return {
      up: false,
      reason: unavailability(error) ?? "the database did not answer as expected",
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
      console.warn(`[db] a request could not use the database: ${describeDatabaseError(error)}`);
      return new Response(DATABASE_UNAVAILABLE_MESSAGE, {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10" },
      });
    }
  };
}
