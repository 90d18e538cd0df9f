import "server-only";
import { stat } from "node:fs/promises";
import path from "node:path";
import { expireOverLoopback } from "@/lib/cache/loopback-expiry";
import { getConfig } from "@/lib/config";
import { getContent } from "./index";
import { nextPublication } from "./schedule";

/**
 * Scheduled publishing without a rebuild or a restart. A piece whose time has not come is
 * not there (the front door answers its address with the not-found page, and every listing,
 * feed, sitemap, search and related list leaves it out, since they ask isPublished). At its
 * moment, this clock has every cached page rendered again, so that the listings that were
 * made without it are made again with it: on each instance, which with a shared cache
 * (REDIS_URL) is the same expiry said more than once.
 *
 * Expiring the cache needs a request of Next.js's own (revalidatePath throws anywhere else),
 * so the clock asks the server it runs in, over loopback (lib/cache/loopback-expiry.ts).
 */

/** setTimeout takes at most about 24.8 days; a later moment is waited for in steps. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;
const RETRY_MS = 1000;

/** When the build this server runs was made (its BUILD_ID file's time), in ms; 0 if unknown. */
export async function buildTime(): Promise<number> {
  try {
    return (await stat(path.join(process.cwd(), getConfig().distDir, "BUILD_ID"))).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Starts the clock: at each scheduled piece's moment the cached pages are expired. At start,
 * too, when a piece went live after the build (`builtAt`, ms), whose prerendered pages were
 * made without it.
 */
export function startPublicationClock(builtAt: number, port: () => string | undefined): void {
  let timer: NodeJS.Timeout | undefined;

  const publish = async (attempt = 0): Promise<void> => {
    const listening = port();
    try {
      if (!listening) throw new Error("the server is not listening yet");
      await expireOverLoopback(listening, { everything: true });
      console.log("[publication] a scheduled piece is live: cached pages expired");
    } catch (error) {
      if (attempt < 30) {
        setTimeout(() => void publish(attempt + 1), RETRY_MS).unref();
        return;
      }
      console.error("[publication] could not expire the cached pages:", error);
    }
  };

  const arm = async () => {
    const { articles } = await getContent();
    const now = Date.now();
    const next = nextPublication(articles, now);
    if (next === null) return;
    const wait = Math.min(next - now, LONGEST_WAIT_MS);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Woken early (a wait longer than setTimeout takes): wait again.
      if (Date.now() < next) {
        void arm();
        return;
      }
      void publish().then(arm);
    }, wait);
    timer.unref();
  };

  void getContent().then(
    async ({ articles }) => {
      const now = Date.now();
      const wentLiveSinceBuild = articles.some((article) => {
        const at = Date.parse(article.publishedAt);
        return !article.draft && at > builtAt && at <= now;
      });
      if (wentLiveSinceBuild) await publish();
      await arm();
    },
    (error: unknown) => console.error("[publication] could not read the content:", error),
  );
}
