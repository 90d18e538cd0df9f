"use client";

import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { requestSignInLink } from "@/lib/auth/actions";

export function EmailSignInForm({
  callbackUrl,
  email = "",
}: {
  callbackUrl: string;
  email?: string;
}) {
  return (
    <ActionForm action={requestSignInLink}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        defaultValue={email}
        hint="We will send you a link to sign in: no password needed."
      />
      <SubmitButton pendingLabel="Sending the link…">Sign in with email</SubmitButton>
    </ActionForm>
  );
}
