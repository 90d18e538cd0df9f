"use client";

import {
  createContext,
  useActionState,
  useContext,
  useId,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult, FormState } from "@/lib/forms/action";

/**
 * A form bound to a server action through useActionState: it works as a plain POST with
 * JavaScript off, and answers in place with it on. Fields inside read the action's answer
 * (their error, and what the reader typed when the form was refused) from context.
 */
const StateContext = createContext<FormState>(null);

/** For a form that runs useActionState itself: gives its fields the action's answer. */
export const FormStateProvider = StateContext;

/** The fields a form shows, so that an error for any other field shows as the form's message. */
const FieldsContext = createContext<Set<string> | null>(null);

export function ActionForm({
  action,
  children,
  className,
  showSuccess = true,
  permalink,
  "aria-label": ariaLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<ActionResult>;
  children: ReactNode;
  className?: string;
  showSuccess?: boolean;
  /** Where the form posts without JavaScript, when not the page's own address. */
  permalink?: string;
  "aria-label"?: string;
}) {
  const [state, formAction] = useActionState(action, null, permalink);
  const [fields] = useState(() => new Set<string>());
  return (
    <StateContext value={state}>
      <FieldsContext value={fields}>
        <form
          action={formAction}
          onSubmit={refuseTooLong}
          className={className}
          noValidate
          aria-label={ariaLabel}
        >
          {children}
          <FormMessage state={state} showSuccess={showSuccess} />
        </form>
      </FieldsContext>
    </StateContext>
  );
}

/**
 * Keeps a form with an over-long field from being sent: the field says by how much
 * (TextField's maxCharacters), and the reader's text stays where it is. Without JavaScript
 * the server refuses it with the same message, or, past the body limit, the front door.
 */
export function refuseTooLong(event: FormEvent<HTMLFormElement>): void {
  const tooLong = event.currentTarget.querySelector<HTMLElement>("[data-too-long]");
  if (!tooLong) return;
  event.preventDefault();
  tooLong.focus();
}

function characters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) index++;
    count++;
  }
  return count;
}

export function FormMessage({
  state,
  showSuccess = true,
}: {
  state: FormState;
  showSuccess?: boolean;
}) {
  const fields = useContext(FieldsContext);
  if (!state) return <p role="status" className="sr-only" />;
  if (state.ok) {
    return (
      <p role="status" className={showSuccess ? "mt-3 font-sans text-sm text-ink" : "sr-only"}>
        {state.message}
      </p>
    );
  }
  // Field errors show beside their field; the form-wide message is for the rest.
  const errorFields = Object.keys(state.errors ?? {});
  const allShown = fields
    ? errorFields.every((field) => fields.has(field))
    : errorFields.some((field) => field !== "form");
  if (errorFields.length > 0 && allShown) {
    return <p role="status" className="sr-only" />;
  }
  return (
    <p role="alert" className="mt-3 font-sans text-sm font-semibold text-accent">
      {state.message}
    </p>
  );
}

/**
 * A field people never see, named "website": only robots fill it in, and an action that
 * finds it filled answers as if all went well and does nothing. Hidden from assistive
 * technology too.
 */
export function RobotTrap() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Website
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

/**
 * What the reader sent in a field, when the form was refused (so that it keeps it); the
 * default otherwise. For fields other than TextField (a select, a short input).
 */
export function useSubmittedValue(name: string, defaultValue = ""): string {
  const state = useContext(StateContext);
  return state?.ok === false ? (state.values?.[name] ?? defaultValue) : defaultValue;
}

export function TextField({
  name,
  label,
  type = "text",
  defaultValue = "",
  hint,
  rows,
  maxCharacters,
  ...input
}: {
  name: string;
  label: string;
  type?: "text" | "email";
  defaultValue?: string;
  hint?: string;
  rows?: number;
  /**
   * The most characters the server takes: past it the field says by how much and the form
   * is not sent (no maxlength: it would cut a pasted text without a word).
   */
  maxCharacters?: number;
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  inputMode?: "email" | "text";
  placeholder?: string;
}) {
  const state = useContext(StateContext);
  useContext(FieldsContext)?.add(name);
  const id = useId();
  const error = state?.ok === false ? state.errors?.[name] : undefined;
  const value = state?.ok === false ? (state.values?.[name] ?? defaultValue) : defaultValue;
  const [length, setLength] = useState<{ for: FormState; count: number } | null>(null);
  // Counted from what the reader typed since the last answer; the answer's text otherwise.
  const count = length?.for === state ? length.count : characters(value);
  const over = maxCharacters !== undefined && count > maxCharacters;
  const counted = maxCharacters !== undefined && count > maxCharacters * 0.8;
  const describedBy = [hint && `${id}-hint`, counted && `${id}-count`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  const shared = {
    id,
    name,
    defaultValue: value,
    onChange:
      maxCharacters === undefined
        ? undefined
        : (event: { currentTarget: { value: string } }) =>
            setLength({ for: state, count: characters(event.currentTarget.value) }),
    "data-too-long": over ? "" : undefined,
    "aria-invalid": error || over ? true : undefined,
    "aria-describedby": describedBy || undefined,
    className:
      "mt-1 block w-full rounded border border-rule bg-paper px-3 py-2 font-sans text-base text-ink aria-invalid:border-accent",
    ...input,
  };
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-sans text-sm font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 font-sans text-sm text-muted">
          {hint}
        </p>
      )}
      {/* Keyed by the answer, so that a refused form shows what the reader typed. */}
      {rows ? (
        <textarea key={JSON.stringify(state)} rows={rows} {...shared} />
      ) : (
        <input key={JSON.stringify(state)} type={type} {...shared} />
      )}
      {maxCharacters !== undefined && (
        <p
          id={`${id}-count`}
          aria-live="polite"
          className={`mt-1 font-sans text-sm ${over ? "font-semibold text-accent" : "text-muted"}`}
        >
          {!counted
            ? ""
            : over
              ? `At most ${maxCharacters.toLocaleString("en-GB")} characters; this has ${count.toLocaleString("en-GB")}. Shorten it to send it.`
              : `${count.toLocaleString("en-GB")} of ${maxCharacters.toLocaleString("en-GB")} characters.`}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 font-sans text-sm font-semibold text-accent">
          {error}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-accent text-paper hover:opacity-90",
    secondary: "border border-rule hover:border-accent hover:text-accent",
    danger: "border border-accent text-accent hover:bg-accent hover:text-paper",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`mt-4 rounded px-4 py-2 font-sans text-sm font-semibold disabled:opacity-60 ${styles[variant]}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
