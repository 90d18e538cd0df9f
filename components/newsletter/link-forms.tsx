"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { confirm, unsubscribeAction } from "@/lib/newsletter/actions";

/** The button a confirmation link's page shows: only its POST confirms. */
export function ConfirmForm({ subscriber, token }: { subscriber: string; token: string }) {
  return (
    <ActionForm action={confirm}>
      <input type="hidden" name="s" value={subscriber} />
      <input type="hidden" name="t" value={token} />
      <SubmitButton pendingLabel="Confirming…">Confirm</SubmitButton>
    </ActionForm>
  );
}

/** The button an unsubscribe link's page shows: only its POST unsubscribes. */
export function UnsubscribeForm({ subscriber, token }: { subscriber: string; token: string }) {
  return (
    <ActionForm action={unsubscribeAction}>
      <input type="hidden" name="s" value={subscriber} />
      <input type="hidden" name="t" value={token} />
      <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
    </ActionForm>
  );
}
