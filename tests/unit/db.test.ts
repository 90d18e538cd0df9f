import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "@/lib/db/client";
import { migrations } from "@/lib/db/migrations";

/**
 * The same query layer must work on both databases. PostgreSQL runs where
 * TEST_POSTGRES_URL names a server whose user may create databases (CI sets it).
 */
const postgresUrl = process.env.TEST_POSTGRES_URL;

async function expectMigratesAndAnswers(db: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateToLatest(db);
  await migrateToLatest(db); // a second start finds nothing to do
  const { rows } = await sql<{ answer: number }>`select 1 as answer`.execute(db);
  expect(Number(rows[0]?.answer)).toBe(1);
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  expect(tables.map((table) => table.name)).toContain("kysely_migration");
}

describe("database on SQLite", () => {
  it("creates the file and its folder, migrates, and answers", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "ledger-db-"));
    const file = path.join(folder, "nested", "site.db");
    const db = await openDatabase({ kind: "sqlite", path: file });
    try {
      await expectMigratesAndAnswers(db);
      const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(rows[0]?.journal_mode).toBe("wal");
    } finally {
      await db.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresUrl)("database on PostgreSQL (set TEST_POSTGRES_URL to run)", () => {
  const name = `ledger_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresUrl });

  afterAll(async () => {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });

  // Built inside the tests, never while the file is collected: without TEST_POSTGRES_URL
  // this block is skipped, and collecting it must not throw.
  const databaseUrl = () => {
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };

  it("migrates a fresh database and answers", async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
    const db = await openDatabase({ kind: "postgres", connectionString: databaseUrl() });
    try {
      await expectMigratesAndAnswers(db);
    } finally {
      await db.destroy();
    }
  });

  it("instances started at the same moment on an empty database migrate it once", async () => {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const instances = await Promise.all(
      Array.from({ length: 4 }, () =>
        openDatabase({ kind: "postgres", connectionString: databaseUrl() }),
      ),
    );
    try {
      const applied = await Promise.all(instances.map((db) => migrateToLatest(db)));
      // Each migration ran in exactly one of them; the others found it done.
      expect(applied.flat().sort()).toEqual(Object.keys(migrations).sort());
      const { rows } = await sql<{
        count: string;
      }>`select count(*) as count from kysely_migration`.execute(instances[0]!);
      expect(Number(rows[0]?.count)).toBe(Object.keys(migrations).length);
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
    }
  });
});
