import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Dialect } from "kysely";
import { getConfig, type DatabaseSetting } from "@/lib/config";
import { migrations } from "./migrations";
import type { Database } from "./schema";

async function createDialect(setting: DatabaseSetting): Promise<Dialect> {
  if (setting.kind === "postgres") {
    const { Pool } = await import("pg");
    return new PostgresDialect({
      // A server that does not answer fails a request in seconds rather than hanging it.
      pool: new Pool({
        connectionString: setting.connectionString,
        max: 10,
        connectionTimeoutMillis: 5_000,
      }),
    });
  }
  const { default: SQLite } = await import("better-sqlite3");
  mkdirSync(path.dirname(path.resolve(setting.path)), { recursive: true });
  const database = new SQLite(setting.path);
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
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed`, { cause: error });
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
    await migrateToLatest(db);
    return db;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export async function databaseAnswers(): Promise<boolean> {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return true;
  } catch (error) {
    console.error("Database health check failed:", error);
    return false;
  }
}
