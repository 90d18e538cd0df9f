"use client";

import { useState, type ReactNode } from "react";

/**
 * A button that opens a form under a comment (Reply, Edit, Report). With JavaScript it
 * opens in place; without, the button submits a GET that reloads the page with the form
 * open (?reply=ID), which the page renders.
 */
export function Toggle({
  label,
  param,
  value,
  path,
  hidden = {},
  initiallyOpen,
  children,
}: {
  label: string;
  param: string;
  value: string;
  path: string;
  hidden?: Record<string, string>;
  initiallyOpen: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <>
      <form
        method="get"
        action={`${path}#comment-${value}`}
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          setOpen(!open);
        }}
      >
        {Object.entries(hidden).map(([name, field]) => (
          <input key={name} type="hidden" name={name} value={field} />
        ))}
        <input type="hidden" name={param} value={value} />
        <button type="submit" aria-expanded={open} className="text-muted hover:text-accent">
          {label}
        </button>
      </form>
      {open && <div className="mt-3 w-full">{children}</div>}
    </>
  );
}
