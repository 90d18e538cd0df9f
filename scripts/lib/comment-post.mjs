/**
 * Posting comments as a browser without JavaScript would, for load tests and the benchmark:
 * read the comment form from a signed-in article page, then send it as a plain form post.
 */
import { randomUUID } from "node:crypto";

const ENTITIES = {
  "&quot;": '"',
  "&amp;": "&",
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
};

function decode(value) {
  return value.replace(/&(?:quot|amp|#x27|#39|lt|gt);/g, (entity) => ENTITIES[entity]);
}

/** The first form on the page with a requestKey field (the comment form), and its hidden fields. */
export async function readCommentForm(baseUrl, path, cookie) {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((match) =>
    match[2].includes('name="requestKey"'),
  );
  if (!form) throw new Error(`No comment form on ${path}: is the session valid?`);
  const action = decode(/action="([^"]*)"/.exec(form[1])?.[1] ?? path) || path;
  const fields = [
    ...form[2].matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g),
  ].map((match) => [decode(match[1]), decode(match[2] ?? "")]);
  return { action: new URL(action, baseUrl).toString(), origin: new URL(baseUrl).origin, fields };
}

/**
 * Posts one comment. Returns the HTTP status and, when the server acknowledged it (a 303 to
 * the new comment), the comment's id.
 */
export async function postCommentForm(form, cookie, body, requestKey = randomUUID()) {
  const data = new FormData();
  for (const [name, value] of form.fields)
    data.append(name, name === "requestKey" ? requestKey : value);
  data.append("body", body);
  const response = await fetch(form.action, {
    method: "POST",
    body: data,
    headers: { cookie, origin: form.origin },
    redirect: "manual",
  });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  const id = /#comment-([0-9a-f-]+)$/.exec(location)?.[1] ?? null;
  return { status: response.status, id };
}
