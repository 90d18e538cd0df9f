import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { migrateToLatest, openDatabase } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";

/**
 * Throwaway databases for tests that must hold on both engines: an SQLite file in a temp
 * folder, and a fresh PostgreSQL database where TEST_POSTGRES_URL names a server whose user
 * may create databases (CI sets it). Each is migrated, and removed by drop().
 */
export const postgresUrl = process.env.TEST_POSTGRES_URL;

export interface TestDatabase {
  db: Kysely<Database>;
  drop(): Promise<void>;
}

async function freshSqlite(): Promise<TestDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), "ledger-test-"));
  const db = await openDatabase({ kind: "sqlite", path: path.join(folder, "site.db") });
  await migrateToLatest(db);
  return {
    db,
    async drop() {
      await db.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

let counter = 0;

async function freshPostgres(): Promise<TestDatabase> {
  const name = `ledger_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl ?? "");
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", connectionString: url.toString() });
  await migrateToLatest(db);
  return {
    db,
    async drop() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const ENGINES = [
  { engine: "SQLite", enabled: true, fresh: freshSqlite },
  { engine: "PostgreSQL", enabled: !!postgresUrl, fresh: freshPostgres },
] as const;
