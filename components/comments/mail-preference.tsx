"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { setReplyMailPreference } from "@/lib/comments/actions";

/** On the account page: the reader's choice, off by default. */
export function ReplyMailPreference({ on }: { on: boolean }) {
  return (
    <ActionForm action={setReplyMailPreference}>
      <input type="hidden" name="notify" value={on ? "off" : "on"} />
      <p className="mt-3 font-sans text-sm">
        {on
          ? "We email you when someone replies to one of your comments."
          : "We do not email you about replies to your comments."}
      </p>
      <SubmitButton variant="secondary">
        {on ? "Stop reply emails" : "Email me when someone replies"}
      </SubmitButton>
    </ActionForm>
  );
}
