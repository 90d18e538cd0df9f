import { findNginx } from "../../../scripts/lib/cluster.mjs";
import { postgresUrl } from "./postgres";
import { redisServer } from "./redis";

/**
 * Why some browser tests will be skipped on this machine, printed once before the run: the
 * list reporter marks a skipped test with a dash and no reason.
 */
export default function explainSkips() {
  const missing = [
    !postgresUrl && "TEST_POSTGRES_URL is not set",
    !redisServer && "redis-server is not installed",
    !findNginx() && "nginx is not installed",
  ].filter(Boolean);
  if (missing.length === 0) return;
  console.log(
    `Skipping the PostgreSQL and cluster browser tests (${missing.join("; ")}). ` +
      ".ci/run provides all three; everything else runs.",
  );
}
