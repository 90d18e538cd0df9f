/**
 * Runs once when the server starts: opens and migrates the database, so that a broken
 * DATABASE_URL or a failed migration shows at start rather than on a reader's request;
 * settles the auth secret; and says plainly when mail is not being delivered.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db/client");
  const { getAuthSecret } = await import("@/lib/auth/secret");
  const { warnIfMailIsNotDelivered } = await import("@/lib/mail");
  const { startSender } = await import("@/lib/newsletter/sender");
  getAuthSecret();
  warnIfMailIsNotDelivered();
  await getDb();
  // Resumes a newsletter send that a crash or a restart interrupted.
  startSender();
}
