/**
 * Signed-in readers for the benchmark: users and live sessions written straight into the
 * benchmark server's database (SQLite or PostgreSQL), and the cookies that carry them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

function readers(count) {
  const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    name: `Bench Reader ${index + 1}`,
    token: randomBytes(32).toString("hex"),
    expires,
  }));
}

const cookie = (reader) => `authjs.session-token=${reader.token}`;

export function createSessionCookies(databaseFile, count = 1) {
  const db = new Database(databaseFile);
  try {
    const made = readers(count);
    const user = db.prepare('insert into "User" (id, name, email) values (?, ?, ?)');
    const session = db.prepare(
      'insert into "Session" ("sessionToken", "userId", expires) values (?, ?, ?)',
    );
    db.transaction(() => {
      for (const reader of made) {
        user.run(reader.id, reader.name, `${reader.id}@example.com`);
        session.run(reader.token, reader.id, reader.expires.toISOString());
      }
    })();
    return made.map(cookie);
  } finally {
    db.close();
  }
}

export async function createPostgresSessionCookies(connectionString, count) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const made = readers(count);
    await client.query("begin");
    for (const reader of made) {
      await client.query('insert into "User" (id, name, email) values ($1, $2, $3)', [
        reader.id,
        reader.name,
        `${reader.id}@example.com`,
      ]);
      await client.query(
        'insert into "Session" ("sessionToken", "userId", expires) values ($1, $2, $3)',
        [reader.token, reader.id, reader.expires],
      );
    }
    await client.query("commit");
    return made.map(cookie);
  } finally {
    await client.end();
  }
}

export function createSessionCookie(databaseFile) {
  return createSessionCookies(databaseFile, 1)[0];
}
