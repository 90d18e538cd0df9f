import { randomBytes, randomUUID } from "node:crypto";
import { withDatabase } from "./database";

/**
 * Signed-in readers for load tests: users and live sessions written into a test server's
 * database (the sign-in flows themselves are tested elsewhere), and their cookies.
 */
export function createReaders(
  databaseFile: string,
  count: number,
  label = "Load reader",
): string[] {
  return withDatabase((db) => {
    const insertUser = db.prepare('insert into "User" (id, name, email) values (?, ?, ?)');
    const insertSession = db.prepare(
      'insert into "Session" ("sessionToken", "userId", expires) values (?, ?, ?)',
    );
    const expires = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    return Array.from({ length: count }, (_, index) => {
      const id = randomUUID();
      const token = randomBytes(32).toString("hex");
      insertUser.run(id, `${label} ${index + 1}`, `${id}@example.com`);
      insertSession.run(token, id, expires);
      return `authjs.session-token=${token}`;
    });
  }, databaseFile);
}
