import { databaseAnswers } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const healthy = await databaseAnswers();
  return Response.json(
    { status: healthy ? "ok" : "unavailable" },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
