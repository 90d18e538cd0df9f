import "server-only";
import { setImmediate as afterIo } from "node:timers/promises";
import { sql, type Kysely } from "kysely";

/**
 * Runs `update` in a transaction and, when it changed exactly one row, calls `finish` (which
 * ends the message: the mail server accepts it on the final ".") and commits right after the
 * "." has left for the socket. False, with nothing written, when the row was no longer this
 * sender's.
 *
 * A process killed between the two can do one of two wrongs, and this order picks the lesser
 * and makes its moment as short as it can be. Committing first lost messages: the record was
 * durable from the commit's write, and the "." followed only after the fsync (milliseconds,
 * with synchronous = FULL), so a kill in that window left a message recorded but never sent
 * (1 in 2,000 on most runs of the kill test). Ending the message first, the kill has to fall
 * between the "." reaching the socket and the commit's write, a few event-loop turns with no
 * disk wait in them; a kill there sends that one message again after its lease, which a
 * reader can see and delete, rather than never.
 */
/**
 * Ends the message inside the transaction. It may return a promise that resolves once the
 * message's end has left the process (lib/mail's mailWritten); without one, the commit waits
 * a turn of the event loop.
 */
export type Finish = () => void | Promise<void>;

export async function commitWithFinish<DB>(
  db: Kysely<DB>,
  update: (connection: Kysely<DB>) => Promise<number>,
  finish?: Finish,
): Promise<boolean> {
  return db.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    let finished = false;
    try {
      if ((await update(connection)) !== 1) {
        await sql`rollback`.execute(connection);
        return false;
      }
      if (finish) {
        const written = finish();
        finished = true;
        // The end of the message goes through the mail library's streams on the next ticks;
        // by the next turn of the event loop it is in the socket. A `finish` that returns a
        // promise says itself when it has left the process (lib/mail's mailWritten).
        await (written ?? afterIo());
      }
      await sql`commit`.execute(connection);
      return true;
    } catch (error) {
      if (!finished) await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
