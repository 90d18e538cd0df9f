"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { setMailPreference } from "@/lib/comments/actions";
import type { MailSetting } from "@/lib/comments/mail-settings";

const WORDS: Record<MailSetting, { on: string; off: string; stop: string; start: string }> = {
  replies: {
    on: "We email you when someone replies to one of your comments.",
    off: "We do not email you about replies to your comments.",
    stop: "Stop reply emails",
    start: "Email me when someone replies",
  },
  decisions: {
    on: "When a moderator removes one of your comments, we email you the reason.",
    off: "We do not email you when a moderator removes one of your comments.",
    stop: "Stop moderation emails",
    start: "Email me when a moderator removes a comment",
  },
  alerts: {
    on: "We email you when comments are reported or wait for approval (at most every 15 minutes).",
    off: "We do not email you about the moderation queue.",
    stop: "Stop moderator alerts",
    start: "Email me about the moderation queue",
  },
};

/** On the account page: one of the reader's mail choices, with a button to change it. */
export function MailPreference({ setting, on }: { setting: MailSetting; on: boolean }) {
  const words = WORDS[setting];
  return (
    <ActionForm action={setMailPreference}>
      <input type="hidden" name="setting" value={setting} />
      <input type="hidden" name="notify" value={on ? "off" : "on"} />
      <p className="mt-3 font-sans text-sm">{on ? words.on : words.off}</p>
      <SubmitButton variant="secondary">{on ? words.stop : words.start}</SubmitButton>
    </ActionForm>
  );
}
