import { revalidatePath, revalidateTag } from "next/cache";
import { EXPIRY_KEY_HEADER, expiryRequest, isExpiryKey } from "@/lib/cache/loopback-expiry";

export const dynamic = "force-dynamic";

/**
 * The process's own request to expire cached pages from a timer (lib/cache/loopback-expiry.ts):
 * every page, when a scheduled piece has gone live (the publication clock), or a write's tags
 * once more, after the renders that began before it have finished. Only the process itself
 * knows the key; anyone else gets a 404, as for any unknown address.
 */
export async function POST(request: Request) {
  if (!isExpiryKey(request.headers.get(EXPIRY_KEY_HEADER))) {
    return new Response("Not found.\n", { status: 404 });
  }
  const parsed = expiryRequest.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return new Response("Name tags or everything.\n", { status: 400 });
  if ("everything" in parsed.data) revalidatePath("/", "layout");
  else for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
