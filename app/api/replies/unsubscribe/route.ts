import { NextResponse, type NextRequest } from "next/server";
import { verifyReplyMailToken } from "@/lib/comments/notify";
import { setReplyMail } from "@/lib/comments/mutations";
import { getDb, withDatabase } from "@/lib/db/client";
import { absoluteUrl } from "@/lib/site";

/**
 * One-click unsubscribe from reply mail (RFC 8058): mail clients POST here with
 * "List-Unsubscribe=One-Click" and no further step. A GET (a person, a link scanner)
 * changes nothing and leads to the page with the button.
 */
export const POST = withDatabase(async (request: NextRequest) => {
  const user = request.nextUrl.searchParams.get("u") ?? "";
  const token = request.nextUrl.searchParams.get("t") ?? "";
  if (!verifyReplyMailToken(user, token)) {
    return new NextResponse("This unsubscribe link is not valid.", { status: 400 });
  }
  await setReplyMail(await getDb(), user, false);
  return new NextResponse("You will not get mail about replies any more.", {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
});

export function GET(request: NextRequest) {
  const target = new URL(absoluteUrl("/replies/unsubscribe"));
  target.search = request.nextUrl.search;
  return NextResponse.redirect(target, 303);
}
