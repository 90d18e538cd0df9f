/**
 * Sending the site's forms as a browser without JavaScript would, for load tests and the
 * benchmark: read a form (its hidden server-action fields) from a page, then post it.
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

/** The first form on the page that has a field named `field`, and its hidden fields. */
export async function readForm(baseUrl, path, { cookie = "", field }) {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((match) =>
    match[2].includes(`name="${field}"`),
  );
  if (!form) throw new Error(`No form with a "${field}" field on ${path}`);
  const action = decode(/action="([^"]*)"/.exec(form[1])?.[1] ?? path) || path;
  const fields = [
    ...form[2].matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g),
  ].map((match) => [decode(match[1]), decode(match[2] ?? "")]);
  return { action: new URL(action, baseUrl).toString(), origin: new URL(baseUrl).origin, fields };
}

/** Posts a form with the given visible fields; the status and where it redirects. */
export async function postForm(form, values, { cookie = "", headers = {} } = {}) {
  const data = new FormData();
  for (const [name, value] of form.fields) data.append(name, values[name] ?? value);
  for (const [name, value] of Object.entries(values)) {
    if (!form.fields.some(([field]) => field === name)) data.append(name, value);
  }
  const response = await fetch(form.action, {
    method: "POST",
    body: data,
    headers: { cookie, origin: form.origin, ...headers },
    redirect: "manual",
  });
  const body = await response.text();
  return { status: response.status, location: response.headers.get("location") ?? "", body };
}

/** The comment form of a signed-in article page. */
export function readCommentForm(baseUrl, path, cookie) {
  return readForm(baseUrl, path, { cookie, field: "requestKey" });
}

/**
 * Posts one comment. Returns the HTTP status and, when the server acknowledged it (a 303 to
 * the new comment), the comment's id.
 */
export async function postCommentForm(form, cookie, body, requestKey = randomUUID()) {
  const { status, location } = await postForm(form, { requestKey, body }, { cookie });
  return { status, id: /#comment-([0-9a-f-]+)$/.exec(location)?.[1] ?? null };
}
