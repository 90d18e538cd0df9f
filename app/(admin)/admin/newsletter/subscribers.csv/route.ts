import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { exportSubscribers } from "@/lib/newsletter/subscribers";

export const dynamic = "force-dynamic";

function csvField(value: string): string {
  // Quoted, and a leading =, +, - or @ defused, so that a spreadsheet never runs a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Subscribers and their state as CSV, for moderators only (404 for anyone else). */
export async function GET() {
  if (!(await getViewer())?.isModerator) return new Response("Not found", { status: 404 });
  const rows = await exportSubscribers(await getDb());
  const columns = [
    "email",
    "email_sha256",
    "status",
    "source",
    "created_at",
    "confirmed_at",
    "unsubscribed_at",
  ] as const;
  const lines = [
    columns.join(","),
    ...rows.map((row) => columns.map((column) => csvField(row[column])).join(",")),
  ];
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
