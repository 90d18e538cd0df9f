import type { MetadataRoute } from "next";
import { getAllArticles, getAllTopics } from "@/lib/content";
import { absoluteUrl, articlePath, topicPath } from "@/lib/site";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, topics] = await Promise.all([getAllArticles(), getAllTopics()]);
  const latest = articles[0]?.updated;
  return [
    { url: absoluteUrl("/"), lastModified: latest, changeFrequency: "daily", priority: 1 },
    { url: absoluteUrl("/topics"), lastModified: latest, changeFrequency: "weekly" },
    { url: absoluteUrl("/corrections"), changeFrequency: "weekly" },
    ...articles.map((article) => ({
      url: absoluteUrl(articlePath(article.slug)),
      lastModified: article.updated,
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
    ...topics.map((topic) => ({
      url: absoluteUrl(topicPath(topic.slug)),
      changeFrequency: "weekly" as const,
    })),
  ];
}
