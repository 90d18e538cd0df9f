"use client";

import { ActionForm, RobotTrap, SubmitButton, TextField } from "@/components/forms/action-form";
import { subscribe } from "@/lib/newsletter/actions";
import { FollowChoices, type FollowOptions } from "./follow-choices";

/**
 * The signup form: a plain form post without JavaScript, an answer in place with it. The
 * answer is the same whoever the address belongs to. The "website" field is a trap for
 * robots: hidden from people and from assistive technology.
 */
export function SignupForm({
  email = "",
  follow,
}: {
  email?: string;
  /** The topics and authors to choose from (the newsletter page); without it, everything. */
  follow?: FollowOptions;
}) {
  return (
    <ActionForm action={subscribe}>
      <RobotTrap />
      {follow && <FollowChoices options={follow} />}
      <div className="flex flex-wrap items-end gap-x-3">
        <div className="min-w-0 flex-1 basis-56">
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="email"
            required
            defaultValue={email}
          />
        </div>
        <SubmitButton pendingLabel="Subscribing…">Subscribe</SubmitButton>
      </div>
    </ActionForm>
  );
}
