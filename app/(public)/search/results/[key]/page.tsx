import type { Metadata } from "next";
import { SearchPage, searchMetadata } from "@/components/pages/search-page";
import { searchOfKey } from "@/lib/search/address";

type Props = { params: Promise<{ key: string }> };

/**
 * An anonymous reader's search, `/search?…` as the front door rewrote it: rendered on its
 * first request and then served from the cache, until the publication clock has every page
 * made again for a piece going live. None is made at build time.
 */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(searchOfKey((await params).key));
}

export default async function SearchResults({ params }: Props) {
  return <SearchPage query={searchOfKey((await params).key)} />;
}
