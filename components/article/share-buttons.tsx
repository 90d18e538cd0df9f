"use client";

import { useState, useSyncExternalStore } from "react";

const noop = () => () => {};

/** Copy-link and, where the browser has it, the system share sheet. */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const [status, setStatus] = useState("");
  const canShare = useSyncExternalStore(
    noop,
    () => typeof navigator.share === "function",
    () => false,
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied");
    } catch {
      setStatus("Could not copy: select the address bar instead");
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch {
      // The reader closed the share sheet: nothing to report.
    }
  }

  const button =
    "rounded border border-rule px-3 py-1.5 hover:border-accent hover:text-accent cursor-pointer";
  return (
    <span className="js-only flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className={button}>
        Copy link
      </button>
      {canShare && (
        <button type="button" onClick={share} className={button}>
          Share…
        </button>
      )}
      <span role="status" className="text-muted">
        {status}
      </span>
    </span>
  );
}
