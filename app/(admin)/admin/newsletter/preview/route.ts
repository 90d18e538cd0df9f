import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { getArticle } from "@/lib/content";
import { issueMail } from "@/lib/newsletter/mail";

export const dynamic = "force-dynamic";

/** The HTML of an issue as subscribers will get it, for moderators only. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer?.isModerator) return new Response("Not found", { status: 404 });
  const article = await getArticle(request.nextUrl.searchParams.get("slug") ?? "");
  if (!article) return new Response("No such article", { status: 404 });
  const { html } = issueMail(article, {
    to: viewer.email,
    sendId: "preview",
    subscriberId: "preview",
  });
  return new Response(html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
