import { NotFoundMessage } from "@/components/site/not-found-message";

export const metadata = { title: "Page not found", robots: { index: false } };

/** A 404 among the public pages (an unknown article, topic or path), inside their layout. */
export default function NotFound() {
  return <NotFoundMessage />;
}
