import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { AUTH_SECRET, E2E_DATABASE } from "./env";

/**
 * The e2e server's SQLite database, opened beside the server (WAL allows it) to check what
 * was stored, and to age a token, which no request can do.
 */
export function withDatabase<T>(work: (db: Database.Database) => T, file = E2E_DATABASE): T {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** How Auth.js stores a sign-in token: SHA-256 of the token and the secret. */
export function hashedToken(token: string, secret = AUTH_SECRET): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

export function userByEmail(email: string, file?: string) {
  return withDatabase(
    (db) =>
      db.prepare('select id, name, email from "User" where email = ?').get(email) as
        { id: string; name: string; email: string } | undefined,
    file,
  );
}
