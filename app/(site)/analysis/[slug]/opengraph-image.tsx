import { getAllArticles, getArticle } from "@/lib/content";
import { SOCIAL_IMAGE_SIZE, SOCIAL_IMAGE_TYPE, renderSocialImage } from "@/lib/og/render";
import { KIND_LABELS } from "@/lib/site";

export const size = SOCIAL_IMAGE_SIZE;
export const contentType = SOCIAL_IMAGE_TYPE;
export const alt = "The article's title and summary";
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getAllArticles()).map((article) => ({ slug: article.slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const article = await getArticle((await params).slug);
  if (!article) throw new Error("generateStaticParams lists only existing articles");
  const topic = article.topics[0]?.name;
  return renderSocialImage({
    eyebrow: [KIND_LABELS[article.kind].label, topic].filter(Boolean).join(" · "),
    title: article.title,
    dek: article.dek,
  });
}
