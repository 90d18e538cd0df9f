/**
 * A throwaway PostgreSQL database for the benchmark, on the server named by
 * BENCH_POSTGRES_URL or TEST_POSTGRES_URL (default: the machine's, 127.0.0.1:5432).
 */
import pg from "pg";

export async function startPostgres() {
  const server =
    process.env.BENCH_POSTGRES_URL ??
    process.env.TEST_POSTGRES_URL ??
    "postgres://postgres@127.0.0.1:5432/test";
  const name = `ledger_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    await admin.end().catch(() => {});
    return {
      url: null,
      note: `not measured: no PostgreSQL at ${new URL(server).host} (${error.message})`,
    };
  }
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      // The benchmark server may still be closing its pool: force it.
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
