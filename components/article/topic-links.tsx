import Link from "next/link";
import type { Topic } from "@/lib/content";
import { topicPath } from "@/lib/site";

export function TopicLinks({ topics }: { topics: Topic[] }) {
  return (
    <ul aria-label="Topics" className="flex flex-wrap gap-2 font-sans text-sm">
      {topics.map((topic) => (
        <li key={topic.slug}>
          <Link
            href={topicPath(topic.slug)}
            prefetch={false}
            className="inline-block rounded-full border border-rule px-3 py-1 hover:border-accent hover:text-accent"
          >
            {topic.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
