import type { Metadata } from "next";
import { TopicPage, topicMetadata } from "@/components/pages/topic-page";

type Props = { params: Promise<{ topic: string }> };

/** Rendered on first request, like the home page: the listing shows comment counts. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicMetadata((await params).topic, 1);
}

export default async function Topic({ params }: Props) {
  return <TopicPage slug={(await params).topic} number={1} />;
}
