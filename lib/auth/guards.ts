import "server-only";
import { notFound, redirect } from "next/navigation";
import { getViewer, type Viewer } from "./viewer";

/**
 * For moderator pages: anonymous readers are sent to sign in and back; signed-in readers
 * who are not moderators get a 404, so the page does not even admit that it exists.
 */
export async function requireModeratorPage(path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (!viewer.isModerator) notFound();
  return viewer;
}
