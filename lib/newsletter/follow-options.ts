import "server-only";
import type { FollowOptions } from "@/components/newsletter/follow-choices";
import { getAllAuthors, getAllTopics } from "@/lib/content";

/** The topics and authors a reader can follow: those with a piece out now. */
export async function followOptions(): Promise<FollowOptions> {
  const [topics, authors] = await Promise.all([getAllTopics(), getAllAuthors()]);
  return {
    topics: topics.map(({ slug, name }) => ({ slug, name })),
    authors: authors
      .filter(({ count }) => count > 0)
      .map(({ author }) => ({ slug: author.slug, name: author.name })),
  };
}
