import { SqliteAdapter, type Kysely } from "kysely";

export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * A time as the Auth.js tables store it: ISO-8601 text on SQLite (which has no date type),
 * a timestamp on PostgreSQL.
 */
export function authTime<DB>(db: Kysely<DB>, date: Date): Date | string {
  return isSqlite(db as Kysely<unknown>) ? date.toISOString() : date;
}

/** Column types that differ between the two databases, for migrations. */
export function columnTypes(db: Kysely<unknown>) {
  return {
    /** Auth.js's dates: a real timestamp on PostgreSQL, ISO-8601 text on SQLite. */
    authTimestamp: isSqlite(db) ? ("text" as const) : ("timestamptz" as const),
  };
}
