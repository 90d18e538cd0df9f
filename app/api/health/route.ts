import { databaseStatus } from "@/lib/db/client";
import { redisStatus } from "@/lib/redis/client";

export const dynamic = "force-dynamic";

/**
 * 200 {"status":"ok"} while the database answers, 503 with the reason otherwise, so that a
 * front takes an instance out when it cannot serve writes. Redis being down is said in the
 * body but keeps the 200: every instance shares it, and taking them all out at once would
 * stop the cached pages they can still serve.
 */
export async function GET() {
  const [database, redis] = await Promise.all([databaseStatus(), redisStatus()]);
  const body = database.up
    ? { status: "ok", ...(redis ? { redis } : {}) }
    : {
        status: "unavailable",
        database: "down",
        reason: database.reason,
        ...(redis ? { redis } : {}),
      };
  return Response.json(body, {
    status: database.up ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
