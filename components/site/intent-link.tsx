"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link that prefetches its page only once the reader shows they may open it (pointer over
 * it, keyboard focus, a finger on it), so that a page view costs the server one request, not
 * one per link scrolled past; and the page then opens at once. For links readers follow
 * often from an article: the related analyses, the listings. Other links take
 * prefetch={false}: fetched when followed.
 */
export function IntentLink({
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      // The whole page once the reader shows intent: the default ("auto") prefetches only
      // the layouts of a page rendered on demand, which the reader already has.
      prefetch={intent}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
