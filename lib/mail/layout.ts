import { SITE } from "@/lib/site";

/**
 * One layout for every message the site sends: the same words as plain text and as
 * simple HTML (a single column, inline styles, no images or remote resources), so that a
 * message reads well in any client and in a screen reader. The HTML follows the reader's
 * dark mode where the client allows it (color-scheme, and a dark palette for clients that
 * read a media query); clients that invert colours themselves get light colours to invert.
 */
export interface MailLink {
  label: string;
  url: string;
}

export interface MailContent {
  /** The first line, shown by mail clients beside the subject. */
  preview: string;
  /** A small line above the headline: kind, topics, reading time. */
  eyebrow?: string;
  /** The message's headline (an issue's article title). */
  headline?: string;
  greeting?: string;
  paragraphs: string[];
  action?: MailLink;
  /**
   * Small print under the message: why it was sent, what to do if it was not wanted. A
   * line may end with a link: its label in the HTML, its address in the text.
   */
  footer: (string | { text: string; link: MailLink })[];
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const DARK = `@media (prefers-color-scheme: dark) {
  .page { background: #141414 !important; color: #ecebe7 !important; }
  .muted { color: #b0aca3 !important; }
  .accent { color: #f4978b !important; }
  .button { background: #f4978b !important; color: #141414 !important; }
  .rule { border-top-color: #3a3a3a !important; }
}`;

export function renderMail(content: MailContent): { text: string; html: string } {
  const footerText = content.footer.map((line) =>
    typeof line === "string" ? line : `${line.text} ${line.link.label}: ${line.link.url}`,
  );
  const text = [
    ...(content.eyebrow ? [content.eyebrow] : []),
    ...(content.headline
      ? [`${content.headline}\n${"=".repeat(Math.min(content.headline.length, 72))}`]
      : []),
    ...(content.greeting ? [content.greeting] : []),
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    "—",
    ...footerText,
    SITE.name,
  ].join("\n\n");

  const paragraph = (line: string) =>
    `<p style="margin:0 0 16px;font-size:17px;line-height:1.6">${escapeHtml(line)}</p>`;
  const eyebrow = content.eyebrow
    ? `<p class="accent" style="margin:0 0 8px;font-size:12px;font-weight:700;letter-spacing:0.08em;text-transform:uppercase;color:#8c1c13;font-family:system-ui,sans-serif">${escapeHtml(content.eyebrow)}</p>`
    : "";
  const headline = content.headline
    ? `<h1 style="margin:0 0 16px;font-size:28px;line-height:1.25;font-weight:700">${escapeHtml(content.headline)}</h1>`
    : "";
  const action = content.action
    ? `<p style="margin:24px 0"><a class="button" href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#8c1c13;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-family:system-ui,sans-serif;font-weight:600">${escapeHtml(content.action.label)}</a></p>
<p class="muted" style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#57534e">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(content.action.url)}</span></p>`
    : "";
  const footer = content.footer
    .map((line) => {
      const words =
        typeof line === "string"
          ? escapeHtml(line)
          : `${escapeHtml(line.text)} <a class="accent" href="${escapeHtml(line.link.url)}" style="color:#8c1c13">${escapeHtml(line.link.label)}</a>`;
      return `<p class="muted" style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#57534e;font-family:system-ui,sans-serif">${words}</p>`;
    })
    .join("\n");
  const html = `<!doctype html>
<html lang="${SITE.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(content.headline ?? content.preview)}</title>
<style>${DARK}</style></head>
<body class="page" style="margin:0;background:#fbfaf7;color:#1b1b1b">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preview)}</div>
<div class="page" style="max-width:560px;margin:0 auto;padding:32px 20px;background:#fbfaf7;color:#1b1b1b;font-family:Georgia,'Times New Roman',serif">
<p style="margin:0 0 24px;font-size:18px;font-weight:700">${escapeHtml(SITE.name)}</p>
${eyebrow}${headline}
${[...(content.greeting ? [content.greeting] : []), ...content.paragraphs].map(paragraph).join("\n")}
${action}
<hr class="rule" style="border:0;border-top:1px solid #d6d1c4;margin:32px 0 16px">
${footer}
</div>
</body>
</html>`;
  return { text, html };
}
