import type { Metadata } from "next";
import { HomePage, homeMetadata } from "@/components/pages/home-page";

type Props = { params: Promise<{ number: string }> };

/**
 * The home page and the pages of the listing after it: "/" is this route for page 1
 * (next.config.mjs). The listing shows comment counts, which live in the database, so the
 * build (which never opens it) does not make it: each page is rendered on its first
 * request, then cached until a count changes. A page past the end never gets here: it is a
 * 404 (lib/routes.ts).
 */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata(Number((await params).number));
}

export default async function Home({ params }: Props) {
  return <HomePage number={Number((await params).number)} />;
}
