import { revalidatePath } from "next/cache";
import { isPublicationKey, PUBLICATION_KEY_HEADER } from "@/lib/content/publication-clock";

export const dynamic = "force-dynamic";

/**
 * The publication clock's request (lib/content/publication-clock.ts): a scheduled piece has
 * gone live, so every cached page is expired and made again on its next request, with it.
 * Only the process itself knows the key; anyone else gets a 404, as for any unknown address.
 */
export function POST(request: Request) {
  if (!isPublicationKey(request.headers.get(PUBLICATION_KEY_HEADER))) {
    return new Response("Not found.\n", { status: 404 });
  }
  revalidatePath("/", "layout");
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
