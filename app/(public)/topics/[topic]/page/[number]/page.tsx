import type { Metadata } from "next";
import { TopicPage, topicMetadata } from "@/components/pages/topic-page";

type Props = { params: Promise<{ topic: string; number: string }> };

/** A topic's later pages: rendered on first request, like its first page. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { topic, number } = await params;
  return topicMetadata(topic, Number(number));
}

export default async function TopicListingPage({ params }: Props) {
  const { topic, number } = await params;
  return <TopicPage slug={topic} number={Number(number)} />;
}
