"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionResult, FormState } from "@/lib/forms/action";

/**
 * The one button on the page a mail's link opens (confirm a subscription, unsubscribe, stop
 * reply mail): opening the page changes nothing, only the button's POST does, with the
 * link's own signed fields.
 */
export function LinkButtonForm({
  action,
  fields,
  label,
  pendingLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
}) {
  return (
    <ActionForm action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </ActionForm>
  );
}
