/**
 * Mail could not be sent: the SMTP server is down, refused the message, or the outbox cannot
 * be written. Never a database outage, though a refused connection has the same code.
 */
export class MailError extends Error {
  override name = "MailError";
}

/** What a form says when the mail it should send cannot go. */
export const MAIL_UNAVAILABLE_MESSAGE =
  "We could not send the email just now: our mail server is not answering. Please try again shortly.";

/** Whether mail failed somewhere down an error's causes (by name: see lib/db/client.ts). */
export function isMailError(error: unknown): error is Error {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { name?: unknown }).name === "MailError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
