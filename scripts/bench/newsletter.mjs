/**
 * The newsletter under load: sign-ups from many clients at once, and an article sent to
 * 2,000 subscribers through a real SMTP server on loopback.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { SMTPServer } from "smtp-server";
import { postForm, readForm } from "../lib/forms.mjs";
import { queueSqliteSend } from "../lib/newsletter-queue.mjs";

/** An SMTP server on loopback that accepts and counts messages. */
export async function startMailSink(port) {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Concurrent sign-ups from the footer form of /newsletter, each from a client of its own;
 * then the time until the sender (which mails confirmations from a queue, outside the
 * request) has mailed every one of them.
 */
export async function signupLoad({ base, sink, writers = 20, duration = 10 }) {
  const before = sink.received();
  const form = await readForm(base, "/newsletter", { field: "website" });
  const latencies = [];
  let refused = 0;
  const deadline = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; performance.now() < deadline; index++) {
        const started = performance.now();
        const { status, body } = await postForm(
          form,
          {
            email: `bench-${writer}-${index}-${randomUUID().slice(0, 8)}@example.com`,
            website: "",
          },
          { headers: { "x-forwarded-for": `10.${writer}.${(index >> 8) & 255}.${index & 255}` } },
        );
        latencies.push(performance.now() - started);
        if (status !== 200 || !body.includes("Check your inbox")) refused++;
      }
    }),
  );
  const ended = performance.now();
  const expected = latencies.length - refused;
  while (sink.received() - before < expected && performance.now() - ended < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  latencies.sort((a, b) => a - b);
  return {
    signupsPerSecond: Math.round(latencies.length / duration),
    p99Ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? NaN),
    signups: latencies.length,
    refused,
    mailed: sink.received() - before,
    drainSeconds: ((performance.now() - ended) / 1000).toFixed(1),
  };
}

/**
 * Queues a send of an article to `count` confirmed subscribers (as the moderators' page
 * does), and times the server's sender until the mail server has every message.
 */
export async function mailLoad({ databaseFile, sink, count = 2000 }) {
  const db = new Database(databaseFile);
  const sendId = randomUUID();
  const before = sink.received();
  try {
    queueSqliteSend(db, {
      sendId,
      count,
      address: (index) => `issue-${index}-${sendId.slice(0, 8)}@example.com`,
      createdBy: "bench",
    });
  } finally {
    db.close();
  }
  // The sender polls every few seconds: time from the first message to the last.
  let first;
  const deadline = Date.now() + 5 * 60_000;
  while (sink.received() - before < count) {
    if (Date.now() > deadline) throw new Error("the newsletter send did not finish in 5 minutes");
    if (first === undefined && sink.received() > before) first = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - (first ?? performance.now())) / 1000;
  return {
    mails: count,
    seconds: Math.round(seconds * 10) / 10,
    mailsPerSecond: Math.round(count / seconds),
  };
}
