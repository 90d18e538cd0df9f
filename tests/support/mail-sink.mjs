#!/usr/bin/env node
/**
 * A real SMTP server on loopback for the tests, with a small HTTP API to read what it
 * received. The site under test delivers to it through EMAIL_SERVER exactly as it would
 * to a production mail server.
 *   GET    /messages?to=ADDRESS   messages received for ADDRESS (all when omitted), oldest first
 *   GET    /counts?prefix=TEXT    how many messages each address starting with TEXT received
 *   DELETE /messages              forget every message
 *   GET    /health                200 once listening
 * Usage: MAIL_SINK_SMTP_PORT=3102 MAIL_SINK_HTTP_PORT=3101 node tests/support/mail-sink.mjs
 */
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT ?? 3102);
const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT ?? 3101);
/** Received messages, parsed. */
let messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  size: 5 * 1024 * 1024,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const headers = {};
        for (const line of parsed.headerLines) {
          headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
        }
        messages.push({
          receivedAt: new Date().toISOString(),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          from: parsed.from?.text ?? "",
          to: parsed.to
            ? [parsed.to]
                .flat()
                .map((address) => address.text)
                .join(", ")
            : "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          headers,
        });
        callback();
      })
      .catch(callback);
  },
});

// A client that goes away mid-message (a server killed in a test) is an event, not the end
// of the sink: that message is discarded, as a real mail server would.
smtp.on("error", (error) => console.warn(`mail sink: ${error.message}`));

const http = createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
  const send = (status, body) => {
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (url.pathname === "/health") return send(200, { status: "ok" });
  if (url.pathname === "/messages" && request.method === "DELETE") {
    messages = [];
    return send(200, { deleted: true });
  }
  if (url.pathname === "/counts") {
    const prefix = (url.searchParams.get("prefix") ?? "").toLowerCase();
    const counts = {};
    for (const message of messages)
      for (const to of message.envelopeTo)
        if (to.startsWith(prefix)) counts[to] = (counts[to] ?? 0) + 1;
    return send(200, counts);
  }
  if (url.pathname === "/messages") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return send(200, to ? messages.filter((message) => message.envelopeTo.includes(to)) : messages);
  }
  send(404, { error: "not found" });
});

smtp.listen(smtpPort, "127.0.0.1", () => {
  http.listen(httpPort, "127.0.0.1", () => {
    console.log(
      `mail sink: SMTP on 127.0.0.1:${smtpPort}, messages on http://127.0.0.1:${httpPort}/messages`,
    );
  });
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    http.close();
    smtp.close(() => process.exit(0));
  });
}
