import type { Metadata } from "next";
import { ArticleView } from "@/components/article/article-view";
import { PublicComments } from "@/components/comments/public-comments";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ slug: string }> };

/** The article with its comments newest first: a page of its own, cached like the other. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug);
}

export default async function ArticleNewestFirstPage({ params }: Props) {
  const { slug } = await params;
  return <ArticleView slug={slug} comments={<PublicComments slug={slug} sort="newest" />} />;
}
