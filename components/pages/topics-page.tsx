import type { Metadata } from "next";
import { getAllArticles, getAllTopics } from "@/lib/content";
import { topicPath } from "@/lib/site";
import { IntentLink } from "@/components/site/intent-link";

export const topicsMetadata: Metadata = {
  title: "Topics",
  description: "Every topic our analyses cover.",
  alternates: { canonical: "/topics" },
  openGraph: { url: "/topics" },
};

export async function TopicsPage() {
  const [topics, articles] = await Promise.all([getAllTopics(), getAllArticles()]);
  const counts = new Map<string, number>();
  for (const topic of articles.flatMap((article) => article.topics)) {
    counts.set(topic.slug, (counts.get(topic.slug) ?? 0) + 1);
  }
  return (
    <div className="mx-auto max-w-3xl px-5 py-10 sm:py-14">
      <h1 className="font-serif text-3xl font-bold sm:text-4xl">Topics</h1>
      <ul className="mt-8 grid gap-3 sm:grid-cols-2">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <IntentLink
              href={topicPath(topic.slug)}
              className="flex justify-between rounded border border-rule px-4 py-3 hover:border-accent hover:text-accent"
            >
              <span className="font-serif text-lg">{topic.name}</span>
              <span className="font-sans text-sm text-muted">
                {counts.get(topic.slug)} {counts.get(topic.slug) === 1 ? "article" : "articles"}
              </span>
            </IntentLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
