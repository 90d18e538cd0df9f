"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { updateFollows } from "@/lib/newsletter/actions";
import { FollowChoices, type FollowOptions } from "./follow-choices";

/** A subscriber's choice of what to receive, from the link in every newsletter. */
export function FollowsForm({
  link,
  options,
  selected,
}: {
  link: { s: string; t: string };
  options: FollowOptions;
  selected: string[];
}) {
  return (
    <ActionForm action={updateFollows}>
      <input type="hidden" name="s" value={link.s} />
      <input type="hidden" name="t" value={link.t} />
      <FollowChoices options={options} selected={selected} />
      <div className="mt-6">
        <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
      </div>
    </ActionForm>
  );
}
