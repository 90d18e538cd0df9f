/**
 * Runs once when the server starts: opens and migrates the database, so that a broken
 * DATABASE_URL or a failed migration shows at start rather than on a reader's request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db/client");
  await getDb();
}
