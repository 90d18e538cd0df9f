import type { Metadata } from "next";
import { SearchPage, searchMetadata } from "@/components/pages/search-page";
import type { SearchParams } from "@/lib/http/search-params";

type Props = { searchParams: SearchParams };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(await searchParams);
}

export default async function Search({ searchParams }: Props) {
  return <SearchPage query={await searchParams} />;
}
