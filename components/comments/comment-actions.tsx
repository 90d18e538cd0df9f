"use client";

import { createContext, useContext, useRef, useState, type ReactNode } from "react";

/**
 * The row of controls under a comment, and the one panel it has open below it: a reply,
 * an edit, a report, or the confirmation of a delete or a ban. The row stays whole while a
 * panel is open, and every panel has a Cancel.
 *
 * Without JavaScript each button is a GET that reloads the page with its panel open
 * (?reply=ID, ?edit=ID, …, which the page reads), and Cancel is a link back to the comment.
 * With it, they open and close in place, and Cancel gives the focus back to the button.
 */
export interface PanelButton {
  /** The query parameter that opens it without JavaScript, and its key. */
  param: string;
  label: string;
  panel: ReactNode;
}

const CloseContext = createContext<(() => void) | null>(null);

export function CommentActions({
  commentId,
  path,
  initiallyOpen,
  buttons,
  children,
}: {
  commentId: string;
  /** The page the buttons reload without JavaScript. */
  path: string;
  initiallyOpen: string | null;
  buttons: PanelButton[];
  /** Controls that act at once, after the buttons (a moderator's Hide, Approve). */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const opener = useRef<HTMLButtonElement | null>(null);
  const close = () => {
    setOpen(null);
    opener.current?.focus();
  };
  const panel = buttons.find((button) => button.param === open);
  return (
    <>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
        {buttons.map((button) => (
          <form
            key={button.param}
            method="get"
            action={`${path}#comment-${commentId}`}
            onSubmit={(event) => {
              event.preventDefault();
              opener.current = event.currentTarget.querySelector("button");
              setOpen(open === button.param ? null : button.param);
            }}
          >
            <input type="hidden" name={button.param} value={commentId} />
            <button
              type="submit"
              aria-expanded={open === button.param}
              className={`hover:text-accent ${open === button.param ? "font-semibold text-ink" : "text-muted"}`}
            >
              {button.label}
            </button>
          </form>
        ))}
        {children}
      </div>
      {panel && (
        <CloseContext value={close}>
          <div className="mt-3 w-full">{panel.panel}</div>
        </CloseContext>
      )}
    </>
  );
}

/** Closes the open panel: a link back to the comment without JavaScript. */
export function CancelPanel({ href }: { href: string }) {
  const close = useContext(CloseContext);
  return (
    <a
      href={href}
      onClick={(event) => {
        if (!close) return;
        event.preventDefault();
        close();
      }}
      className="mt-4 ml-3 inline-block rounded border border-rule px-4 py-2 font-sans text-sm font-semibold hover:border-accent hover:text-accent"
    >
      Cancel
    </a>
  );
}
