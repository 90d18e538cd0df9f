import { PrivacyPage, privacyMetadata } from "@/components/pages/privacy-page";

export const metadata = privacyMetadata;

export default function Privacy() {
  return <PrivacyPage />;
}
