import type { Metadata } from "next";
import { articleMetadata } from "@/components/article/article-view";
import type { SearchParams } from "@/lib/auth/search-params";
import { SignedInArticle } from "@/components/article/signed-in-article";

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return articleMetadata((await params).slug);
}

export default function SignedInArticleNewestFirstPage(props: Props) {
  return <SignedInArticle {...props} sort="newest" />;
}
