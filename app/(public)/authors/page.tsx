import { AuthorsPage, authorsMetadata } from "@/components/pages/authors-page";

export const metadata = authorsMetadata;

export default function Authors() {
  return <AuthorsPage />;
}
