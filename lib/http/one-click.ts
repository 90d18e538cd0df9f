import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb, withDatabase } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import type { Kysely } from "kysely";
import { absoluteUrl } from "@/lib/site";

/**
 * A one-click unsubscribe address (RFC 8058), for a mail's List-Unsubscribe header: a mail
 * client POSTs "List-Unsubscribe=One-Click" and the choice is made with no further step. A
 * GET (a person, a link scanner) changes nothing and leads to the page with the button.
 * The link is signed, not stored: `verify` checks it, `apply` makes the choice.
 */
export function oneClickUnsubscribe({
  page,
  param,
  verify,
  apply,
  done,
}: {
  /** The page with the button, which a GET is sent to. */
  page: string;
  /** The query parameter that names who is unsubscribing (the signature is `t`). */
  param: string;
  verify: (id: string, token: string) => boolean;
  apply: (db: Kysely<Database>, id: string) => Promise<unknown>;
  done: string;
}) {
  return {
    POST: withDatabase(async (request: NextRequest) => {
      const id = request.nextUrl.searchParams.get(param) ?? "";
      const token = request.nextUrl.searchParams.get("t") ?? "";
      if (!verify(id, token)) {
        return new NextResponse("This unsubscribe link is not valid.", { status: 400 });
      }
      await apply(await getDb(), id);
      return new NextResponse(done, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }),
    GET(request: NextRequest) {
      const target = new URL(absoluteUrl(page));
      target.search = request.nextUrl.search;
      return NextResponse.redirect(target, 303);
    },
  };
}
