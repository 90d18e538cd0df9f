import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SignedInArticle } from "@/components/article/signed-in-article";
import { AuthorPage, authorMetadata } from "@/components/pages/author-page";
import { AuthorsPage, authorsMetadata } from "@/components/pages/authors-page";
import { CorrectionsPage, correctionsMetadata } from "@/components/pages/corrections-page";
import { HomePage, homeMetadata } from "@/components/pages/home-page";
import { NewsletterPage, newsletterMetadata } from "@/components/pages/newsletter-page";
import { SearchPage, searchMetadata } from "@/components/pages/search-page";
import { PrivacyPage, privacyMetadata } from "@/components/pages/privacy-page";
import { TopicPage, topicMetadata } from "@/components/pages/topic-page";
import { TopicsPage, topicsMetadata } from "@/components/pages/topics-page";
import type { SearchParams } from "@/lib/http/search-params";
import { matchPublicRoute, type PublicRoute } from "@/lib/routes";
import { articleMetadata } from "@/lib/seo/metadata";

type Props = { params: Promise<{ path?: string[] }>; searchParams: SearchParams };

export const dynamic = "force-dynamic";

/**
 * Every public page for a signed-in reader, rendered per request from the route table
 * (lib/routes.ts): the same page component as the cached one, and for an article the
 * comment forms and controls this reader has. A kind of page added to the table and not
 * here does not type-check.
 */
async function routeOf(params: Props["params"]): Promise<PublicRoute> {
  const { path = [] } = await params;
  const route = matchPublicRoute(`/${path.join("/")}`);
  // Unknown paths are answered by the front door (lib/http/front-door.ts) before this.
  if (!route) notFound();
  return route;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const route = await routeOf(params);
  switch (route.page) {
    case "home":
      return homeMetadata(route.number);
    case "article":
      return articleMetadata(route.slug);
    case "topics":
      return topicsMetadata;
    case "topic":
      return topicMetadata(route.slug, route.number);
    case "authors":
      return authorsMetadata;
    case "author":
      return authorMetadata(route.slug, route.number);
    case "newsletter":
      return newsletterMetadata;
    case "privacy":
      return privacyMetadata;
    case "corrections":
      return correctionsMetadata;
    case "search":
      return searchMetadata(await searchParams);
  }
}

export default async function SignedInPage({ params, searchParams }: Props) {
  const route = await routeOf(params);
  switch (route.page) {
    case "home":
      return <HomePage number={route.number} />;
    case "article":
      return <SignedInArticle slug={route.slug} sort={route.sort} searchParams={searchParams} />;
    case "topics":
      return <TopicsPage />;
    case "topic":
      return <TopicPage slug={route.slug} number={route.number} />;
    case "authors":
      return <AuthorsPage />;
    case "author":
      return <AuthorPage slug={route.slug} number={route.number} />;
    case "newsletter":
      return <NewsletterPage />;
    case "privacy":
      return <PrivacyPage />;
    case "corrections":
      return <CorrectionsPage />;
    case "search":
      return <SearchPage query={await searchParams} />;
  }
}
