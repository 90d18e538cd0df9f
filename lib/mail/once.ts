import "server-only";
import { mailWritten, sendMail, type MailMessage } from "./index";

/**
 * Mail that goes once: once the mail server has the whole message, the sender checks that
 * the row is still its own, sends the final "." that makes the server accept it, and commits
 * the record right after (lib/mail's beforeFinish, lib/db/commit.ts). Killed before, the
 * message was never accepted, and its row is claimed again once its lease runs out; killed
 * after, it is not sent again; the moment between the two is a few event-loop turns. The
 * newsletter's deliveries and the mail queue (decisions, alerts) both go this way.
 */

export type OnceOutcome =
  | { outcome: "sent" }
  /** Nothing went out: give the row back, to be tried again. */
  | { outcome: "retry"; reason: string }
  /** Recorded as sent, but the mail server refused the end of the message: not again. */
  | { outcome: "failed"; reason: string };

/**
 * Sends `message`, recording it with `record(finish)` (which calls commitWithFinish); the
 * outcome says what to do with the row.
 */
export async function sendOnce(
  message: MailMessage,
  record: (finish: () => Promise<void>) => Promise<boolean>,
  log = "[mail]",
): Promise<OnceOutcome> {
  let recorded = false;
  try {
    await sendMail(message, {
      beforeFinish: async (finish) => {
        let held: boolean;
        try {
          held = await record(() => {
            recorded = true;
            finish();
            return mailWritten();
          });
        } catch (error) {
          // The commit failed after the message was finished: it went, unrecorded.
          if (recorded)
            console.error(
              `${log} ${message.to} was sent, but the record failed; it may be sent again:`,
              error,
            );
          throw error;
        }
        if (!held) throw new Error("another sender took this message over");
      },
    });
    return { outcome: "sent" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return recorded ? { outcome: "failed", reason } : { outcome: "retry", reason };
  }
}
