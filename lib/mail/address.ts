import { z } from "zod";

/**
 * What the site accepts as an e-mail address, wherever one is typed (sign-in, newsletter):
 * one bare address in plain ASCII, lower-cased. Anything that could smuggle a second
 * recipient or a header into a message is refused outright rather than cleaned up: line
 * breaks, display names ("Name <a@b>"), quotes, commas, and look-alike characters such as
 * a full-width "＠" or a Cyrillic "а" (internationalised domains can be typed in their
 * xn-- form).
 */
export const MAX_EMAIL_LENGTH = 254;

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type EmailProblem =
  "empty" | "too-long" | "line-break" | "display-name" | "not-ascii" | "malformed";

export const EMAIL_MESSAGES: Record<EmailProblem, string> = {
  empty: "Enter your email address.",
  "too-long": `That address is too long: an email address has at most ${MAX_EMAIL_LENGTH} characters.`,
  "line-break": "An email address cannot contain line breaks.",
  "display-name":
    "Enter the address only, such as name@example.com, without a name or angle brackets.",
  "not-ascii":
    "Enter the address in plain letters, digits and punctuation (a–z, 0–9, . _ + -). For an internationalised domain, use its xn-- form.",
  malformed: "Enter an email address in the form name@example.com.",
};

/** The normalised address, or the reason it is refused. */
export function checkEmailAddress(
  input: string,
): { ok: true; address: string } | { ok: false; problem: EmailProblem } {
  if (/[\r\n]/.test(input)) return { ok: false, problem: "line-break" };
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, problem: "empty" };
  if (trimmed.length > MAX_EMAIL_LENGTH) return { ok: false, problem: "too-long" };
  if (/[<>"]/.test(trimmed) || /\s/.test(trimmed)) return { ok: false, problem: "display-name" };
  if (/[^\x21-\x7e]/.test(trimmed)) return { ok: false, problem: "not-ascii" };
  const address = trimmed.toLowerCase();
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (
    at < 1 ||
    local.length > 64 ||
    domain.length > 253 ||
    !LOCAL_PART.test(local) ||
    !DOMAIN.test(domain)
  ) {
    return { ok: false, problem: "malformed" };
  }
  return { ok: true, address };
}

/** The same rule as a schema field, for server actions. */
export const emailAddressField = z
  .string({ error: EMAIL_MESSAGES.empty })
  .transform((input, context) => {
    const result = checkEmailAddress(input);
    if (result.ok) return result.address;
    context.addIssue({ code: "custom", message: EMAIL_MESSAGES[result.problem] });
    return z.NEVER;
  });
