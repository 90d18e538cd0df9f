import "server-only";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { Socket } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { setImmediate as afterIo, setTimeout as sleep } from "node:timers/promises";
import { createTransport } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer";
import { getConfig } from "@/lib/config";
import { MailError } from "./errors";

/** A message in the site's voice: always a plain-text part and an HTML part. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A stable Message-ID, so that a copy sent twice reads as one in mail clients. */
  messageId?: string;
}

export interface SendOptions {
  /**
   * Runs after the whole message has been handed to the mail server but before the final
   * "." that makes the server accept it, which it sends by calling finish(). If it throws
   * before finish(), the message is abandoned and the server discards it. The senders that
   * send once (lib/mail/once.ts) check here that the row is still theirs, call finish(), and
   * commit the record right after it (lib/db/commit.ts).
   */
  beforeFinish?: (finish: () => void) => Promise<void>;
}

/** The message's bytes, ended only when beforeFinish calls finish(). */
function finishingStream(
  content: Buffer,
  beforeFinish: (finish: () => void) => Promise<void>,
): Readable {
  let sent = false;
  let finishing = false;
  let ended = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(content);
      } else if (!finishing) {
        finishing = true;
        const finish = () => {
          if (ended) return;
          ended = true;
          this.push(null);
        };
        beforeFinish(finish).then(
          () => {
            if (!ended) this.destroy(new Error("the message was abandoned before its end"));
          },
          (error: unknown) => {
            // After finish(), the message is on its way: the caller hears of the failure from
            // its own hook.
            if (!ended) this.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    },
  });
}

type Transport = ReturnType<typeof createTransport>;
let smtp: Transport | undefined;

/**
 * The pool's connections, opened here rather than by nodemailer so that a sender can tell when
 * what it wrote has left the process (`mailWritten`). Over TLS the encrypted bytes bypass
 * these sockets' own buffers, and the wait is one event-loop turn, as before.
 */
const sockets = new Set<Socket>();

function openSocket(
  _options: unknown,
  callback: (error: Error | null, options: { socket: Socket }) => void,
): void {
  const socket = new Socket();
  sockets.add(socket);
  socket.once("close", () => sockets.delete(socket));
  callback(null, { socket });
}

/**
 * Resolves once everything written to the mail server so far (the "." that ends a message
 * included) has been handed to the operating system, which sends it even if this process is
 * killed the next moment; or after `limitMs`, when a server reads too slowly to wait for.
 * A message's end goes through the mail library's streams on the next ticks, so it is in its
 * socket's buffer by the next turn of the event loop; when the server is slow to read, it can
 * stay in this process's buffer for longer, and a record committed meanwhile would say sent
 * for a message a kill then loses (seen as 3 of 2,000 in the kill test on a loaded machine).
 */
export async function mailWritten(limitMs = 5_000): Promise<void> {
  await afterIo();
  const pending = [...sockets].filter((socket) => socket.writableLength > 0 && !socket.destroyed);
  if (pending.length === 0) return;
  const timeout = new AbortController();
  await Promise.race([
    Promise.all(
      pending.map((socket) =>
        Promise.race([
          once(socket, "drain", { signal: timeout.signal }),
          once(socket, "close", { signal: timeout.signal }),
        ]).catch(() => undefined),
      ),
    ),
    sleep(limitMs, undefined, { signal: timeout.signal }).catch(() => undefined),
  ]);
  timeout.abort();
}

function smtpTransport(server: string): Transport {
  // A pool keeps connections open across a newsletter batch; the timeouts keep a request
  // from hanging on a mail server that does not answer.
  smtp ??= createTransport({
    url: server,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: openSocket,
  });
  return smtp;
}

/** Closes the pooled SMTP connections (at shutdown, and in tests). */
export function closeMailTransport(): void {
  smtp?.close();
  smtp = undefined;
}

export function outboxDirectory(): string {
  return path.resolve(getConfig().dataDir, "outbox");
}

/**
 * Sends a message through SMTP when EMAIL_SERVER is set. Otherwise the message is not lost:
 * it is written to the outbox as an .eml file and its links are printed in the server log,
 * which is how a newcomer signs in on a fresh clone.
 */
export async function sendMail(message: MailMessage, options: SendOptions = {}): Promise<void> {
  // With beforeFinish the caller's own hook can fail the send (the newsletter's record):
  // the caller tells those failures apart itself.
  if (options.beforeFinish) return deliver(message, options);
  try {
    await deliver(message, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MailError(`the message to ${message.to} could not be sent: ${reason}`, {
      cause: error,
    });
  }
}

async function deliver(message: MailMessage, options: SendOptions): Promise<void> {
  const { mail } = getConfig();
  const envelope = { from: mail.from, ...message };
  if (mail.server) {
    const transport = smtpTransport(mail.server);
    if (!options.beforeFinish) {
      await transport.sendMail(envelope);
      return;
    }
    const content = await new MailComposer(envelope).compile().build();
    await transport.sendMail({
      envelope: { from: mail.from, to: [message.to] },
      raw: finishingStream(content, options.beforeFinish),
    });
    return;
  }
  const { message: raw } = await createTransport({ streamTransport: true, buffer: true }).sendMail(
    envelope,
  );
  await options.beforeFinish?.(() => {});
  const directory = outboxDirectory();
  await mkdir(directory, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
  const file = path.join(directory, name);
  // Written under a temporary name, then renamed: a reader of the outbox never sees half a message.
  await writeFile(`${file}.tmp`, raw, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
  const links = [...new Set(message.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  console.info(
    [
      `[mail] Not delivered (EMAIL_SERVER is not set): "${message.subject}" to ${message.to}, saved as ${path.relative(process.cwd(), file)}`,
      ...links.map((link) => `[mail]   link: ${link}`),
    ].join("\n"),
  );
}

/** Said once at start, so that an operator knows at once that mail is not leaving. */
export function warnIfMailIsNotDelivered(): void {
  if (getConfig().mail.server) return;
  console.warn(
    `[mail] EMAIL_SERVER is not set: mail is NOT being delivered. Each message is written to ${path.relative(process.cwd(), outboxDirectory())}/ and its links are printed in this log. Set EMAIL_SERVER and EMAIL_FROM to deliver mail.`,
  );
}
