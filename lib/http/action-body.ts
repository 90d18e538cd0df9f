/**
 * A server action's body, checked before Next.js decodes it: Next.js answers a body it
 * cannot decode (a multipart type without its boundary, JSON that does not parse, a flood of
 * parts) with a 500 and a stack in the log. A form of this site has a dozen fields at most,
 * and its body is within the front door's limit (lib/http/front-door.ts), so reading it
 * twice costs little. Returns the status and the reason, or null when the body is sound.
 */
export const MAX_FORM_PARTS = 500;

export interface BodyProblem {
  status: 400 | 413;
  message: string;
}

const bad = (message: string): BodyProblem => ({ status: 400, message });

function parses(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}

/** Fields that React's decoder parses as JSON: a fetch action's rows, a plain form's bound arguments. */
function isJsonField(name: string, fetchAction: boolean): boolean {
  return fetchAction ? /^\d+$/.test(name) : /^\$ACTION_\d+:\d+$/.test(name);
}

export async function actionBodyProblem(request: Request): Promise<BodyProblem | null> {
  const contentType = request.headers.get("content-type") ?? "";
  const fetchAction = request.headers.has("next-action");
  const multipart = /^multipart\/form-data\b/i.test(contentType);
  if (multipart) {
    if (!/;\s*boundary=("?)[^";]+\1/i.test(contentType)) {
      return bad("A multipart form needs its boundary.");
    }
    const body = await request.text();
    const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2] ?? "";
    // Counted before parsing: each part starts with a delimiter line.
    let parts = -1;
    for (
      let at = body.indexOf(`--${boundary}`);
      at !== -1;
      at = body.indexOf(`--${boundary}`, at + 1)
    ) {
      if (++parts > MAX_FORM_PARTS) {
        return { status: 413, message: `A form here has at most ${MAX_FORM_PARTS} fields.` };
      }
    }
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return bad("The form could not be read.");
    }
    for (const [name, value] of form) {
      if (typeof value === "string" && isJsonField(name, fetchAction) && !parses(value)) {
        return bad("The form could not be read.");
      }
    }
    return null;
  }
  if (fetchAction) {
    const body = await request.text();
    if (!parses(body)) return bad("The request could not be read.");
  }
  return null;
}
