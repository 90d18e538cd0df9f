import { TopicsPage, topicsMetadata } from "@/components/pages/topics-page";

export const metadata = topicsMetadata;

export default function Topics() {
  return <TopicsPage />;
}
