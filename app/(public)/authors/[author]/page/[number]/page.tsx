import type { Metadata } from "next";
import { AuthorPage, authorMetadata } from "@/components/pages/author-page";

type Props = { params: Promise<{ author: string; number: string }> };

/** An author's later pages: rendered on first request, like the first. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { author, number } = await params;
  return authorMetadata(author, Number(number));
}

export default async function AuthorListingPage({ params }: Props) {
  const { author, number } = await params;
  return <AuthorPage slug={author} number={Number(number)} />;
}
