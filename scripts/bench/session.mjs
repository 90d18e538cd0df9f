/**
 * A signed-in reader for the benchmark: a user and a live session written straight into
 * the benchmark server's SQLite database, and the cookie that carries it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";

export function createSessionCookie(databaseFile) {
  const db = new Database(databaseFile);
  try {
    const userId = randomUUID();
    const token = randomBytes(32).toString("hex");
    db.prepare('insert into "User" (id, name, email) values (?, ?, ?)').run(
      userId,
      "Bench Reader",
      `bench-${userId}@example.com`,
    );
    db.prepare('insert into "Session" ("sessionToken", "userId", expires) values (?, ?, ?)').run(
      token,
      userId,
      new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    );
    return `authjs.session-token=${token}`;
  } finally {
    db.close();
  }
}
