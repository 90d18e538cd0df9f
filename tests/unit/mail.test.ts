import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderMail } from "@/lib/mail/layout";

const message = () => {
  const { text, html } = renderMail({
    preview: "Preview <line>",
    paragraphs: ["Hello & welcome <script>alert(1)</script>"],
    action: { label: "Open", url: "http://localhost:3000/x?a=1&b=2" },
    footer: ["Why you got this."],
  });
  return { to: "reader@example.com", subject: "A subject", text, html };
};

async function loadMail(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  return import("@/lib/mail");
}

describe("mail", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "ledger-mail-"));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("renders every message as text and as escaped HTML, with the link in both", () => {
    const { text, html } = message();
    expect(text).toContain("Open:\nhttp://localhost:3000/x?a=1&b=2");
    expect(html).toContain('href="http://localhost:3000/x?a=1&amp;b=2"');
    expect(html).toContain("Hello &amp; welcome &lt;script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("gives an issue its eyebrow and headline, and footer links as words in HTML and addresses in text", () => {
    const { text, html } = renderMail({
      preview: "The dek",
      eyebrow: "Analysis · Europe · 9 min read",
      headline: "The End of the <Blank> Check",
      paragraphs: ["The dek"],
      footer: [
        "Why you got this.",
        {
          text: "Do not want it any more?",
          link: { label: "Unsubscribe", url: "http://localhost:3000/u?t=a&b" },
        },
      ],
    });
    expect(text).toContain("Analysis · Europe · 9 min read\n\nThe End of the <Blank> Check\n=");
    expect(text).toContain("Do not want it any more? Unsubscribe: http://localhost:3000/u?t=a&b");
    expect(html).toContain(">The End of the &lt;Blank&gt; Check</h1>");
    expect(html).toContain('<a class="accent" href="http://localhost:3000/u?t=a&amp;b"');
    expect(html).toContain(">Unsubscribe</a>");
    expect(html).toContain("<title>The End of the &lt;Blank&gt; Check</title>");
    // Dark mode where the client supports it.
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });

  it("without EMAIL_SERVER, writes the message to the outbox and prints its links", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const mail = await loadMail({ DATA_DIR: dataDir, EMAIL_SERVER: "" });
    mail.warnIfMailIsNotDelivered();
    expect(warn.mock.calls[0]?.[0]).toContain("mail is NOT being delivered");

    await mail.sendMail(message());
    const files = await readdir(path.join(dataDir, "outbox"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const parsed = await simpleParser(await readFile(path.join(dataDir, "outbox", files[0]!)));
    expect(parsed.subject).toBe("A subject");
    expect(parsed.text).toContain("http://localhost:3000/x?a=1&b=2");
    expect(parsed.html).toContain("Hello &amp; welcome");
    expect(info.mock.calls[0]?.[0]).toContain("link: http://localhost:3000/x?a=1&b=2");
  });

  it("with EMAIL_SERVER, delivers through SMTP with a text and an HTML part", async () => {
    const received: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((parsed) => {
          received.push(parsed);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      const mail = await loadMail({
        DATA_DIR: dataDir,
        EMAIL_SERVER: `smtp://127.0.0.1:${port}`,
        EMAIL_FROM: "The Strategic Ledger <news@ledger.test>",
      });
      await mail.sendMail({ ...message(), headers: { "List-Unsubscribe": "<https://x.test/u>" } });
      expect(received).toHaveLength(1);
      expect(received[0]?.from?.text).toBe('"The Strategic Ledger" <news@ledger.test>');
      expect(received[0]?.text).toContain("Hello & welcome");
      expect(received[0]?.html).toContain("Hello &amp; welcome");
      expect(received[0]?.headerLines.find((line) => line.key === "list-unsubscribe")?.line).toBe(
        "List-Unsubscribe: <https://x.test/u>",
      );
      await expect(readdir(path.join(dataDir, "outbox"))).rejects.toThrow();
    } finally {
      (await import("@/lib/mail")).closeMailTransport();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
