import { readerData } from "@/lib/account/export";
import { getViewer } from "@/lib/auth/viewer";
import { getDb, withDatabase } from "@/lib/db/client";

/**
 * "Download my data": the signed-in reader's own records as a JSON file. The reader is the
 * one the session cookie names, never one a parameter names. Never cached.
 */
export const dynamic = "force-dynamic";

export const GET = withDatabase(async () => {
  const viewer = await getViewer();
  if (!viewer) {
    return new Response("Sign in to download your data.", {
      status: 401,
      headers: { "Cache-Control": "no-store" },
    });
  }
  const data = await readerData(await getDb(), viewer.id);
  if (!data) return new Response("There is no such account.", { status: 404 });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="strategic-ledger-my-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
});
