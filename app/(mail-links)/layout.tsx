import type { ReactNode } from "react";
import { PerRequestChrome } from "@/components/site/per-request-chrome";

/**
 * The pages the links in our mail open (confirm a subscription, unsubscribe): each shows a
 * button, and only the button's POST changes anything, so mail scanners change nothing.
 */
export default function MailLinksLayout({ children }: { children: ReactNode }) {
  return <PerRequestChrome>{children}</PerRequestChrome>;
}
