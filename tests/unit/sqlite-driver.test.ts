import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  migrateToLatest,
  openDatabase,
} from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { BUSY_BUDGET_MS } from "@/lib/db/sqlite-driver";

/**
 * The SQLite driver against what an operator's machine does to a database file: another
 * process holding the write lock, a damaged header, damaged pages.
 */
let folder: string;
let file: string;
let db: Kysely<Database> | undefined;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "ledger-driver-"));
  file = path.join(folder, "site.db");
});

afterEach(async () => {
  await db?.destroy().catch(() => undefined);
  db = undefined;
  await rm(folder, { recursive: true, force: true });
});

/** The longest the event loop went without running a 1 ms timer while `work` ran. */
async function longestStall<T>(work: Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  try {
    return { result: await work, stallMs };
  } finally {
    clearInterval(timer);
  }
}

const subscriber = (id: string) => ({
  id,
  email: `${id}@example.com`,
  email_hash: id,
  status: "pending" as const,
  source: "form",
  confirm_token_hash: null,
  confirm_expires_at: null,
  confirm_sent_at: null,
  created_at: new Date().toISOString(),
  confirmed_at: null,
  unsubscribed_at: null,
});

describe("SQLite while another process holds the write lock", () => {
  it("reads at once, and a write waits off the event loop and then goes through", async () => {
    db = await openDatabase({ kind: "sqlite", path: file });
    await migrateToLatest(db);
    const other = new SQLite(file);
    other.exec("begin immediate");
    try {
      const read = await longestStall(sql`select count(*) as n from subscribers`.execute(db));
      expect(read.result.rows).toEqual([{ n: 0 }]);

      const write = db.insertInto("subscribers").values(subscriber("a")).execute();
      setTimeout(() => other.exec("commit"), 600);
      const { stallMs } = await longestStall(write);
      // Before, the write held the thread for the whole wait (busy_timeout): 600 ms here.
      expect(stallMs).toBeLessThan(100);
      const rows = await db.selectFrom("subscribers").select("id").execute();
      expect(rows).toEqual([{ id: "a" }]);
    } finally {
      if (other.inTransaction) other.exec("rollback");
      other.close();
    }
  });

  it("gives up after its budget with 'locked by another process', and a transaction is never left half-done", async () => {
    db = await openDatabase({ kind: "sqlite", path: file });
    await migrateToLatest(db);
    const other = new SQLite(file);
    other.exec("begin immediate");
    const started = Date.now();
    try {
      const attempt = db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto("subscribers").values(subscriber("b")).execute();
        })
        .catch((error: unknown) => error);
      const { result: error, stallMs } = await longestStall(attempt);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toBe("the database is locked by another process");
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(Date.now() - started).toBeGreaterThanOrEqual(BUSY_BUDGET_MS - 200);
      expect(stallMs).toBeLessThan(100);
    } finally {
      other.exec("rollback");
      other.close();
    }
    // Once the lock is gone, the next write is served, and nothing of the first was kept.
    await db.insertInto("subscribers").values(subscriber("c")).execute();
    expect(await db.selectFrom("subscribers").select("id").execute()).toEqual([{ id: "c" }]);
  }, 15_000);

  it("runs transactions one at a time on the write handle, and rolls back a failed one", async () => {
    db = await openDatabase({ kind: "sqlite", path: file });
    await migrateToLatest(db);
    const database = db;
    const failing = database.transaction().execute(async (trx) => {
      await trx.insertInto("subscribers").values(subscriber("d")).execute();
      // A read inside the transaction sees the transaction's own write.
      const inside = await trx.selectFrom("subscribers").select("id").execute();
      expect(inside).toEqual([{ id: "d" }]);
      throw new Error("the request failed halfway");
    });
    const other = database.transaction().execute(async (trx) => {
      await trx.insertInto("subscribers").values(subscriber("e")).execute();
    });
    await expect(failing).rejects.toThrow("the request failed halfway");
    await other;
    expect(await database.selectFrom("subscribers").select("id").execute()).toEqual([{ id: "e" }]);
  });
});

describe("a damaged SQLite file", () => {
  it("whose header is not a database counts as unavailable: 'the database file is damaged'", async () => {
    await writeFile(file, Buffer.alloc(8192, 0x5a));
    const error = await openDatabase({ kind: "sqlite", path: file }).catch((caught) => caught);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toBe("the database file is damaged");
  });

  it("whose pages are damaged counts as unavailable, and asks to be opened again", async () => {
    let broken = 0;
    db = await openDatabase({ kind: "sqlite", path: file }, () => void broken++);
    await migrateToLatest(db);
    for (let index = 0; index < 300; index++) {
      await db
        .insertInto("subscribers")
        .values(subscriber(`s${index}`))
        .execute();
    }
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    const { rows } = await sql<{ rootpage: number }>`
      select rootpage from sqlite_master where name = 'subscribers'`.execute(db);
    const pageSize = 4096;
    const handle = await open(file, "r+");
    try {
      await handle.write(
        Buffer.alloc(pageSize, 0x5a),
        0,
        pageSize,
        (rows[0]!.rootpage - 1) * pageSize,
      );
    } finally {
      await handle.close();
    }
    const error = await db
      .selectFrom("subscribers")
      .selectAll()
      .execute()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toBe("the database file is damaged");
    expect(broken).toBeGreaterThan(0);
  });
});
