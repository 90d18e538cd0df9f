/**
 * Comment posts under load: concurrent signed-in writers, each sending the article's comment
 * form as a browser without JavaScript would, for a fixed time. Each reader posts at most
 * ten times (the per-reader limit), so that every post measured is a stored comment.
 *   - flat out (`rate` unset): each writer posts again as soon as it has an answer, which
 *     measures the most the server can take; latency is then mostly queueing;
 *   - at a steady `rate` (posts/s shared by the writers): the latency a commenter sees when
 *     the server is busy but not overwhelmed.
 */
import { postCommentForm, readCommentForm } from "../lib/forms.mjs";

export const WRITERS = 20;
export const POSTS_PER_READER = 10;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function commentLoad({ base, path, cookies, writers = WRITERS, duration = 10, rate }) {
  const form = await readCommentForm(base, path, cookies[0]);
  const latencies = [];
  let refused = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + duration * 1000;
  const interval = rate ? (writers / rate) * 1000 : 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let posted = 0;
      let cookie = cookies[next++ % cookies.length];
      // Writers start spread over one interval, so that a steady rate is steady.
      let due = start + (interval * writer) / writers;
      while (performance.now() < deadline) {
        if (interval) {
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
          due += interval;
          if (performance.now() >= deadline) break;
        }
        if (posted > 0 && posted % POSTS_PER_READER === 0)
          cookie = cookies[next++ % cookies.length];
        const started = performance.now();
        const { status } = await postCommentForm(form, cookie, `Bench comment ${writer}-${posted}`);
        latencies.push(performance.now() - started);
        if (status !== 303) refused++;
        posted++;
      }
    }),
  );
  if (next > cookies.length) throw new Error(`the load needed more than ${cookies.length} readers`);
  latencies.sort((a, b) => a - b);
  const percentile = (p) => Math.round(latencies[Math.floor(latencies.length * p)] ?? NaN);
  return {
    postsPerSecond: Math.round(latencies.length / duration),
    p50Ms: percentile(0.5),
    p99Ms: percentile(0.99),
    posts: latencies.length,
    refused,
  };
}
