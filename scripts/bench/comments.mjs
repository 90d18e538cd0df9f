/**
 * Comment posts under load: concurrent signed-in writers, each sending the article's comment
 * form as a browser without JavaScript would, for a fixed time. Each reader posts at most
 * ten times (the per-reader limit), so that every post measured is a stored comment.
 */
import { postCommentForm, readCommentForm } from "../lib/comment-post.mjs";

export const WRITERS = 20;
export const POSTS_PER_READER = 10;

export async function commentLoad({ base, path, cookies, writers = WRITERS, duration = 10 }) {
  const form = await readCommentForm(base, path, cookies[0]);
  const latencies = [];
  let refused = 0;
  let next = 0;
  const deadline = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      let posted = 0;
      let cookie = cookies[next++ % cookies.length];
      while (performance.now() < deadline) {
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
  return {
    postsPerSecond: Math.round(latencies.length / duration),
    p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? NaN),
    posts: latencies.length,
    refused,
  };
}
