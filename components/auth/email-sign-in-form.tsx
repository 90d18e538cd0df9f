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
        hint="We will email you a link to sign in. There is no password to remember."
      />
      <SubmitButton pendingLabel="Sending the link…">Sign in with email</SubmitButton>
    </ActionForm>
  );
}
