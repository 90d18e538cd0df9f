import { NewsletterPage, newsletterMetadata } from "@/components/pages/newsletter-page";

export const metadata = newsletterMetadata;

export default function Newsletter() {
  return <NewsletterPage />;
}
