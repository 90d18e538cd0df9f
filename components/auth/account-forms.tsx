"use client";

import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import { deleteAccount, updateDisplayName } from "@/lib/account/actions";
import { signOutEverywhere, signOutOfThisDevice } from "@/lib/auth/actions";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/auth/display-name";

export function DisplayNameForm({ name }: { name: string }) {
  return (
    <ActionForm action={updateDisplayName}>
      <TextField
        name="name"
        label="Display name"
        defaultValue={name}
        maxLength={MAX_DISPLAY_NAME_LENGTH}
        autoComplete="nickname"
        required
        hint={`Shown on your comments, up to ${MAX_DISPLAY_NAME_LENGTH} characters.`}
      />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </ActionForm>
  );
}

export function SignOutForms() {
  return (
    <div className="flex flex-wrap gap-x-4">
      <ActionForm action={signOutOfThisDevice}>
        <SubmitButton variant="secondary">Sign out</SubmitButton>
      </ActionForm>
      <ActionForm action={signOutEverywhere}>
        <SubmitButton variant="secondary">Sign out everywhere</SubmitButton>
      </ActionForm>
    </div>
  );
}

export function DeleteAccountForm() {
  return (
    <ActionForm action={deleteAccount}>
      <fieldset className="mb-4 font-sans">
        <legend className="font-semibold">Your comments</legend>
        <label className="mt-2 flex items-start gap-2">
          <input type="radio" name="comments" value="keep" defaultChecked className="mt-1.5" />
          <span>Keep them in their discussions, signed &ldquo;deleted account&rdquo;</span>
        </label>
        <label className="mt-1 flex items-start gap-2">
          <input type="radio" name="comments" value="delete" className="mt-1.5" />
          <span>Delete them too: their text goes from every page; replies to them stay</span>
        </label>
      </fieldset>
      <TextField
        name="confirm"
        label="Type “delete” to confirm"
        autoComplete="off"
        required
        hint="This removes your address and signs you out on every device. It cannot be undone."
      />
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete my account
      </SubmitButton>
    </ActionForm>
  );
}
