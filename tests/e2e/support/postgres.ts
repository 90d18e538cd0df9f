import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

/**
 * Throwaway PostgreSQL databases for the tests of several instances, on the server that
 * TEST_POSTGRES_URL names (CI sets it): created empty (the site migrates them), dropped after.
 */
export const postgresUrl = process.env.TEST_POSTGRES_URL;

export interface TestPostgres {
  url: string;
  query<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgres(label: string): Promise<TestPostgres> {
  if (!postgresUrl) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `ledger_e2e_${label}_${process.pid}_${Date.now().toString(36)}`;
  await withClient(postgresUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: (text, values) =>
      withClient(url.toString(), async (client) => (await client.query(text, values)).rows),
    drop: () =>
      withClient(postgresUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      ).then(() => undefined),
  };
}

/** Signed-in readers written into the database (the sign-in flows are tested elsewhere). */
export async function createPostgresReaders(
  database: TestPostgres,
  count: number,
  label = "Cluster reader",
): Promise<string[]> {
  const expires = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const cookies: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = randomUUID();
    const token = randomBytes(32).toString("hex");
    await database.query('insert into "User" (id, name, email) values ($1, $2, $3)', [
      id,
      `${label} ${index + 1}`,
      `${id}@example.com`,
    ]);
    await database.query(
      'insert into "Session" ("sessionToken", "userId", expires) values ($1, $2, $3)',
      [token, id, expires],
    );
    cookies.push(`authjs.session-token=${token}`);
  }
  return cookies;
}
