import type { ReactNode } from "react";
import { PerRequestChrome } from "@/components/site/per-request-chrome";

/** The moderators' pages: per request, and each page checks the role itself (404 otherwise). */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <PerRequestChrome>{children}</PerRequestChrome>;
}
