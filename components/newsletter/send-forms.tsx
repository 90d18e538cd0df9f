"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { sendTestIssue, startSend } from "@/lib/newsletter/actions";

export function SendForms({ slug, recipients }: { slug: string; recipients: number }) {
  return (
    <div className="mt-4 flex flex-col gap-4">
      <ActionForm action={sendTestIssue}>
        <input type="hidden" name="slug" value={slug} />
        <SubmitButton variant="secondary" pendingLabel="Sending the test…">
          Send a test to me
        </SubmitButton>
      </ActionForm>
      <ActionForm action={startSend}>
        <input type="hidden" name="slug" value={slug} />
        <label className="flex items-center gap-2 font-sans text-sm">
          <input type="checkbox" name="confirm" value="yes" required />I have read the preview and
          the test
        </label>
        <SubmitButton pendingLabel="Queuing…">
          Send to {recipients} {recipients === 1 ? "subscriber" : "subscribers"}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
