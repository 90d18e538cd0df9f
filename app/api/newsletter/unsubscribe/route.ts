import { NextResponse, type NextRequest } from "next/server";
import { getDb, withDatabase } from "@/lib/db/client";
import { unsubscribe } from "@/lib/newsletter/subscribers";
import { isUnsubscribeToken } from "@/lib/newsletter/tokens";
import { absoluteUrl } from "@/lib/site";

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs "List-Unsubscribe=One-Click" here
 * and the subscriber is unsubscribed with no further step. A GET changes nothing and leads
 * to the page with the button.
 */
export const POST = withDatabase(async (request: NextRequest) => {
  const subscriber = request.nextUrl.searchParams.get("s") ?? "";
  const token = request.nextUrl.searchParams.get("t") ?? "";
  if (!isUnsubscribeToken(subscriber, token)) {
    return new NextResponse("This unsubscribe link is not valid.", { status: 400 });
  }
  await unsubscribe(await getDb(), subscriber);
  return new NextResponse("You are unsubscribed.", {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
});

export function GET(request: NextRequest) {
  const target = new URL(absoluteUrl("/newsletter/unsubscribe"));
  target.search = request.nextUrl.search;
  return NextResponse.redirect(target, 303);
}
