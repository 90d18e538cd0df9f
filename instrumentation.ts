/**
 * Runs once when the server starts: opens and migrates the database, so that a broken
 * DATABASE_URL or a failed migration shows at start rather than on a reader's request;
 * settles the auth secret; and says plainly when mail is not being delivered.
 *
 * A database that cannot be reached at start does not stop the server: the cached pages
 * are served meanwhile, /api/health answers 503, and the database is opened and migrated
 * as soon as it answers (every use tries again; the newsletter sender polls).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Refuses what Next.js would answer with a 500, and sends addresses of pages that do not
  // exist to the not-found page, before Next.js sees them (lib/http/front-door.ts).
  const { installFrontDoor } = await import("@/lib/http/front-door");
  const { pageExists } = await import("@/lib/content/routes");
  installFrontDoor(pageExists);
  const { getDb, isDatabaseUnavailable } = await import("@/lib/db/client");
  const { getAuthSecret } = await import("@/lib/auth/secret");
  const { warnIfMailIsNotDelivered } = await import("@/lib/mail");
  const { startSender } = await import("@/lib/newsletter/sender");
  const { getRedis } = await import("@/lib/redis/client");
  getAuthSecret();
  // Connects to the shared Redis (REDIS_URL) now, rather than on a reader's first request.
  getRedis();
  warnIfMailIsNotDelivered();
  try {
    await getDb();
  } catch (error) {
    // Never fatal: a server that failed here would answer every request with a 500, its
    // cached pages and /api/health included. It says what is wrong, and tries again.
    if (isDatabaseUnavailable(error)) {
      console.error(
        `[db] the database cannot be reached (${error instanceof Error ? error.message : String(error)}); serving cached pages and trying again`,
      );
    } else {
      console.error("[db] the database could not be opened or migrated; trying again:", error);
    }
  }
  // Resumes a newsletter send that a crash interrupted, and keeps the queue moving.
  startSender();
  // Sends the mail that decisions and the moderation queue wrote (statements of reasons,
  // moderators' alerts, notices' receipts) and followed discussions' daily digests, once
  // each, across crashes.
  const { startMailQueue } = await import("@/lib/mail/worker");
  const { ALERT_KIND, composeModeratorAlert } = await import("@/lib/comments/alerts");
  const { queueDigests } = await import("@/lib/comments/discussion-follows");
  startMailQueue({ [ALERT_KIND]: composeModeratorAlert }, [(db) => queueDigests(db)]);
  // Scheduled pieces go live at their moment, with no rebuild or restart; the content and
  // its search index are made now, rather than on a reader's request.
  if (process.env.NODE_ENV === "production") {
    const { siteSearch } = await import("@/lib/search/site");
    siteSearch().catch((error: unknown) =>
      console.error("[search] could not make the index:", error),
    );
    const { startPublicationClock, buildTime } = await import("@/lib/content/publication-clock");
    startPublicationClock(await buildTime(), () => process.env.PORT);
  }
}
