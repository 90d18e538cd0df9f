import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from "kysely";
import { DatabaseUnavailableError } from "./errors";

/**
 * Kysely's SQLite dialect, with a driver that never holds the server's one thread while
 * another process has the database locked. better-sqlite3 is synchronous: with a busy
 * timeout of seconds, every waiting write (the newsletter sender's poll included) froze every
 * other request until the lock went. Here:
 * - each attempt waits at most BUSY_ATTEMPT_MS inside SQLite, and the retries wait between
 *   attempts off the event loop, for up to BUSY_BUDGET_MS in all, after which the request is
 *   answered "try again shortly";
 * - reads outside a transaction go to a second, read-only handle, so that a write waiting
 *   for the lock never queues the reads behind it (in WAL mode a reader needs no lock);
 * - writes and transactions take the one write handle in turn; a transaction begins
 *   IMMEDIATE, so that it waits for the write lock at its start, where waiting is safe,
 *   never halfway through;
 * - a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) or one that cannot be read counts as
 *   unavailable, and `onBroken` lets the client open the file again later (a restored backup).
 */
export const BUSY_ATTEMPT_MS = 5;
export const BUSY_BUDGET_MS = 5_000;

type Handle = BetterSqlite3.Database;

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error));

/** What a failed statement means for the site, or null for a fault in the request itself. */
export function unavailableReason(error: unknown): string | null {
  const code = sqliteCode(error);
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return "the database is locked by another process";
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return "the database file is damaged";
  if (/^SQLITE_(CANTOPEN|IOERR|READONLY|FULL|PERM|AUTH)/.test(code))
    return "the database file cannot be read or written";
  return null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a statement, trying again off the event loop while another process holds the lock. */
async function patiently<T>(run: () => T): Promise<T> {
  const started = Date.now();
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      return run();
    } catch (error) {
      if (!isBusy(error) || Date.now() - started + wait > BUSY_BUDGET_MS) throw error;
    }
    await pause(wait + Math.random() * wait);
  }
}

/** Turns every error (but a fault in the request) into DatabaseUnavailableError. */
function classify(error: unknown, onBroken: (reason: string) => void): unknown {
  const reason = unavailableReason(error);
  if (!reason) return error;
  if (!isBusy(error)) onBroken(reason);
  return new DatabaseUnavailableError(reason, { cause: error });
}

function execute(handle: Handle, { sql, parameters }: CompiledQuery): QueryResult<unknown> {
  const statement = handle.prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: BigInt(lastInsertRowid),
    rows: [],
  };
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  /** Resolves with the function that releases the lock, once it is this caller's turn. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    return previous.then(() => release);
  }
}

const RAW_TRANSACTION = /^\s*(begin|commit|end|rollback)\b/i;

class Connection implements DatabaseConnection {
  /** Set while this connection holds the write handle: inside a transaction. */
  #release: (() => void) | null = null;

  constructor(private readonly driver: SqliteDriver) {}

  get inTransaction(): boolean {
    return this.#release !== null;
  }

  async begin(): Promise<void> {
    this.#release = await this.driver.writeLock();
    try {
      await this.driver.run(() => this.driver.writer.exec("begin immediate"));
    } catch (error) {
      this.end();
      throw error;
    }
  }

  async finish(statement: "commit" | "rollback"): Promise<void> {
    try {
      await this.driver.run(() => this.driver.writer.exec(statement));
    } finally {
      this.end();
    }
  }

  end(): void {
    this.#release?.();
    this.#release = null;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // A transaction written as raw SQL (db.connection() with sql`begin`) is held the same way.
    const raw = RAW_TRANSACTION.exec(query.sql)?.[1]?.toLowerCase();
    if (raw === "begin") {
      await this.begin();
      return { rows: [] };
    }
    if (raw && this.inTransaction) {
      await this.finish(raw === "rollback" ? "rollback" : "commit");
      return { rows: [] };
    }
    if (this.inTransaction) {
      return this.driver.run(() => execute(this.driver.writer, query)) as Promise<QueryResult<R>>;
    }
    const read = this.driver.run(() => {
      const statement = this.driver.reader.prepare(query.sql);
      return statement.readonly ? { rows: statement.all(query.parameters) } : null;
    });
    const result = await read;
    if (result) return result as QueryResult<R>;
    const release = await this.driver.writeLock();
    try {
      return (await this.driver.run(() => execute(this.driver.writer, query))) as QueryResult<R>;
    } finally {
      release();
    }
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming is not used by this site");
  }
}

export class SqliteDriver implements Driver {
  readonly #mutex = new Mutex();

  constructor(
    readonly writer: Handle,
    readonly reader: Handle,
    private readonly onBroken: (reason: string) => void,
  ) {}

  writeLock(): Promise<() => void> {
    return this.#mutex.lock();
  }

  async run<T>(statement: () => T): Promise<T> {
    try {
      return await patiently(statement);
    } catch (error) {
      throw classify(error, this.onBroken);
    }
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Connection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).finish("commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as Connection).finish("rollback");
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A raw transaction left open by a failed callback is rolled back, never left holding.
    const open = connection as Connection;
    if (open.inTransaction) {
      try {
        this.writer.exec("rollback");
      } catch {
        // nothing was begun after all
      }
      open.end();
    }
  }

  async destroy(): Promise<void> {
    this.reader.close();
    this.writer.close();
  }
}

export class PatientSqliteDialect extends SqliteDialect {
  readonly #driver: SqliteDriver;

  constructor(writer: Handle, reader: Handle, onBroken: (reason: string) => void) {
    super({ database: writer });
    this.#driver = new SqliteDriver(writer, reader, onBroken);
  }

  override createDriver(): Driver {
    return this.#driver;
  }
}

/** Opens the two handles on a file, WAL mode, each attempt waiting at most BUSY_ATTEMPT_MS. */
export async function openSqlite(
  path: string,
  onBroken: (reason: string) => void,
): Promise<PatientSqliteDialect> {
  const { default: SQLite } = await import("better-sqlite3");
  let writer: Handle | undefined;
  let reader: Handle | undefined;
  try {
    writer = new SQLite(path);
    writer.pragma(`busy_timeout = ${BUSY_ATTEMPT_MS}`);
    const handle = writer;
    // WAL lets readers go on during a write; synchronous=FULL makes a committed write
    // survive a crash of the process and of the machine.
    await patiently(() => handle.pragma("journal_mode = WAL"));
    writer.pragma("synchronous = FULL");
    writer.pragma("foreign_keys = ON");
    reader = new SQLite(path, { readonly: true });
    reader.pragma(`busy_timeout = ${BUSY_ATTEMPT_MS}`);
    return new PatientSqliteDialect(writer, reader, onBroken);
  } catch (error) {
    reader?.close();
    writer?.close();
    throw new DatabaseUnavailableError(
      unavailableReason(error) ?? "the database file cannot be read or written",
      { cause: error },
    );
  }
}
