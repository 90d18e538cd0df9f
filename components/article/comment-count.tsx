import { articlePath } from "@/lib/site";

/** "3 comments", linking to the discussion under the article. */
export function CommentCount({ slug, count }: { slug: string; count: number }) {
  return (
    <a href={`${articlePath(slug)}#comments`} className="hover:text-accent">
      {count} {count === 1 ? "comment" : "comments"}
    </a>
  );
}
