import { SITE } from "@/lib/site";

/**
 * One layout for every message the site sends: the same words as plain text and as
 * simple HTML (a single column, inline styles, no images or remote resources), so that a
 * message reads well in any client and in a screen reader.
 */
export interface MailContent {
  /** The first line, shown by mail clients beside the subject. */
  preview: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the message: why it was sent, what to do if it was not wanted. */
  footer: string[];
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function renderMail(content: MailContent): { text: string; html: string } {
  const text = [
    ...(content.greeting ? [content.greeting] : []),
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []),
    "—",
    ...content.footer,
    SITE.name,
  ].join("\n\n");

  const paragraph = (line: string) =>
    `<p style="margin:0 0 16px;font-size:17px;line-height:1.6">${escapeHtml(line)}</p>`;
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#8c1c13;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-family:system-ui,sans-serif;font-weight:600">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#57534e">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(content.action.url)}</span></p>`
    : "";
  const html = `<!doctype html>
<html lang="${SITE.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.preview)}</title></head>
<body style="margin:0;background:#fbfaf7;color:#1b1b1b">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preview)}</div>
<div style="max-width:560px;margin:0 auto;padding:32px 20px;font-family:Georgia,'Times New Roman',serif">
<p style="margin:0 0 24px;font-size:20px;font-weight:700">${escapeHtml(SITE.name)}</p>
${[...(content.greeting ? [content.greeting] : []), ...content.paragraphs].map(paragraph).join("\n")}
${action}
<hr style="border:0;border-top:1px solid #d6d1c4;margin:32px 0 16px">
${content.footer.map((line) => `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#57534e;font-family:system-ui,sans-serif">${escapeHtml(line)}</p>`).join("\n")}
</div>
</body>
</html>`;
  return { text, html };
}
