"use client";

import { useState } from "react";

/**
 * Copies the text of the element with the given id to the clipboard, and says so. It reads
 * the page rather than taking the text as a prop, so the page does not carry it twice.
 * Hidden without JavaScript.
 */
export function CopyButton({
  source,
  label,
  name,
  plain = false,
}: {
  /** The id of the element whose text is copied, or whose address, for a link. */
  source: string;
  label: string;
  /** An accessible name that says more than the label, where many buttons share it. */
  name?: string;
  /** A text button, like the controls beside it, rather than a boxed one. */
  plain?: boolean;
}) {
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      const element = document.getElementById(source);
      const text =
        element instanceof HTMLAnchorElement ? element.href : element?.textContent?.trim();
      if (!text) throw new Error(`nothing to copy in #${source}`);
      await navigator.clipboard.writeText(text);
      setStatus("Copied");
    } catch {
      setStatus("Could not copy: select the text instead");
    }
  }
  return (
    <span className="js-only inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        aria-label={name}
        className={
          plain
            ? "cursor-pointer text-muted hover:text-accent"
            : "cursor-pointer rounded border border-rule px-2 py-1 hover:border-accent hover:text-accent"
        }
      >
        {label}
      </button>
      <span role="status" className="text-muted">
        {status}
      </span>
    </span>
  );
}
