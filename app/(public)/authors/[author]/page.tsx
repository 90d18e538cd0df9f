import type { Metadata } from "next";
import { AuthorPage, authorMetadata } from "@/components/pages/author-page";

type Props = { params: Promise<{ author: string }> };

/** Rendered on first request, like a topic: the listing shows comment counts. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).author, 1);
}

export default async function Author({ params }: Props) {
  return <AuthorPage slug={(await params).author} number={1} />;
}
