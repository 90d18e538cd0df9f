import type { Metadata } from "next";
import { ArticleView } from "@/components/article/article-view";
import { PublicComments } from "@/components/comments/public-comments";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

/**
 * Nothing is prerendered at build time: the build never opens the database, and a page
 * built without its comments must never be served. Each article is rendered from the
 * database on its first request after the server starts, then served from the cache until
 * a comment changes it (see lib/comments/cache.ts).
 */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug);
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  return <ArticleView slug={slug} comments={<PublicComments slug={slug} sort="oldest" />} />;
}
