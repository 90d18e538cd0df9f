"use client";

import { createContext, useActionState, useContext, useId, useState, type ReactNode } from "react";
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
        <form action={formAction} className={className} noValidate aria-label={ariaLabel}>
          {children}
          <FormMessage state={state} showSuccess={showSuccess} />
        </form>
      </FieldsContext>
    </StateContext>
  );
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

export function TextField({
  name,
  label,
  type = "text",
  defaultValue = "",
  hint,
  rows,
  ...input
}: {
  name: string;
  label: string;
  type?: "text" | "email";
  defaultValue?: string;
  hint?: string;
  rows?: number;
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
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  const shared = {
    id,
    name,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
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
