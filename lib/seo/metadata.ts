import "server-only";
import type { Metadata } from "next";
import { getArticle } from "@/lib/content";
import { citationMeta } from "@/lib/seo/citation";
import { SOCIAL_IMAGE_SIZE, SOCIAL_IMAGE_TYPE } from "@/lib/og/render";
import { SITE, articlePath } from "@/lib/site";

/** An article's title, description, canonical address, Open Graph and Twitter card. */
export async function articleMetadata(slug: string): Promise<Metadata> {
  const article = await getArticle(slug);
  if (!article) return {};
  const path = articlePath(article.slug);
  const image = {
    url: `${path}/social.png`,
    width: SOCIAL_IMAGE_SIZE.width,
    height: SOCIAL_IMAGE_SIZE.height,
    type: SOCIAL_IMAGE_TYPE,
    alt: article.title,
  };
  return {
    title: article.title,
    description: article.dek,
    authors: [{ name: article.author }],
    keywords: article.topics.map((topic) => topic.name),
    alternates: {
      canonical: path,
      types: {
        "application/rss+xml": [
          { url: "/feed.xml", title: SITE.name },
          { url: `${path}/comments.xml`, title: `Comments on “${article.title}”` },
        ],
      },
    },
    openGraph: {
      type: "article",
      url: path,
      siteName: SITE.name,
      locale: SITE.locale,
      title: article.title,
      description: article.dek,
      publishedTime: article.published,
      modifiedTime: article.updated,
      authors: [article.author],
      section: article.topics[0]?.name,
      tags: article.topics.map((topic) => topic.name),
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: article.title,
      description: article.dek,
      images: [image],
    },
    other: citationMeta(article),
  };
}
