"use client";

import { ActionForm, RobotTrap, SubmitButton, TextField } from "@/components/forms/action-form";
import { sendNotice } from "@/lib/comments/notice-actions";
import { NOTICE_LIMITS } from "@/lib/comments/notice-limits";

/**
 * A notice of illegal content: which law, why, who is asking and where to answer. A plain
 * form post without JavaScript; the "website" field is a trap for robots, hidden from people
 * and from assistive technology.
 */
export function NoticeForm({
  commentId,
  name = "",
  email = "",
}: {
  commentId: string;
  name?: string;
  email?: string;
}) {
  return (
    <ActionForm action={sendNotice} aria-label="Notice of illegal content">
      <input type="hidden" name="id" value={commentId} />
      <RobotTrap />
      <TextField
        name="law"
        label="Which law does it break?"
        hint="The law and, if you know it, the article or section, and the country."
        required
        maxCharacters={NOTICE_LIMITS.law}
      />
      <TextField
        name="explanation"
        label="Why is it illegal?"
        hint="What in the comment breaks that law, and how. Quote the words if you can."
        rows={6}
        required
        maxCharacters={NOTICE_LIMITS.explanation}
      />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={name}
        maxCharacters={NOTICE_LIMITS.name}
      />
      <TextField
        name="email"
        label="Your email"
        type="email"
        autoComplete="email"
        hint="For the receipt and the decision. It is never shown to the comment's author."
        required
        defaultValue={email}
      />
      <label className="mt-4 flex items-start gap-2 font-sans text-sm">
        <input type="checkbox" name="goodFaith" className="mt-1" required />
        <span>
          I believe in good faith that the information in this notice is accurate and complete.
        </span>
      </label>
      <SubmitButton pendingLabel="Sending…">Send the notice</SubmitButton>
    </ActionForm>
  );
}
