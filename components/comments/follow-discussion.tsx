"use client";

import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import { followDiscussion } from "@/lib/comments/actions";

/** Under the comment box: follow this discussion by mail (a daily digest), or stop. */
export function FollowDiscussion({
  slug,
  following,
  permalink,
}: {
  slug: string;
  following: boolean;
  /** Where the form posts without JavaScript (the per-reader page). */
  permalink: string;
}) {
  return (
    <ActionForm action={followDiscussion} permalink={permalink} className="font-sans text-sm">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="follow" value={following ? "off" : "on"} />
      <p className="mt-4 text-muted">
        {following
          ? "You follow this discussion: new comments come to your inbox, at most once a day."
          : "Follow this discussion to get its new comments by email, at most once a day."}
      </p>
      <SubmitButton variant="secondary">
        {following ? "Stop following this discussion" : "Follow this discussion"}
      </SubmitButton>
    </ActionForm>
  );
}
