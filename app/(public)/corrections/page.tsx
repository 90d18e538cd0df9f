import { CorrectionsPage, correctionsMetadata } from "@/components/pages/corrections-page";

export const metadata = correctionsMetadata;

export default function Corrections() {
  return <CorrectionsPage />;
}
