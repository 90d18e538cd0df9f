import type { ReactNode } from "react";
import { PerRequestChrome } from "@/components/site/per-request-chrome";

/** Signing in and the reader's own account: per request, for whoever is asking. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <PerRequestChrome>{children}</PerRequestChrome>;
}
