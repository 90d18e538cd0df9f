import { SearchPage, searchMetadata } from "@/components/pages/search-page";

export const metadata = searchMetadata({});

/**
 * The search box alone, prerendered. A search (`/search?q=…`) is answered by
 * results/[key], where the front door sends it (lib/search/address.ts).
 */
export default function Search() {
  return <SearchPage query={{}} />;
}
