"use client";

import { ActionForm, SubmitButton, TextField } from "@/components/forms/action-form";
import {
  banCommenter,
  deleteOwnComment,
  editComment,
  moderateComment,
  reportComment,
} from "@/lib/comments/actions";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { REPORT_REASONS } from "@/lib/comments/reasons";
import { CancelPanel } from "./comment-actions";
import { COMMENT_HINT } from "./comment-form";

/**
 * The forms under a comment, each posting one action with the page to come back to
 * (`returnTo`). `permalink` is where they post without JavaScript (reader-comments.tsx);
 * `cancel` is the comment's address, which closes the panel without JavaScript.
 */
interface Target {
  id: string;
  returnTo: string;
  permalink: string;
}

const small = "font-sans text-sm";

export function EditForm({ id, returnTo, permalink, body }: Target & { body: string }) {
  return (
    <ActionForm action={editComment} permalink={permalink}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField
        name="body"
        label="Comment"
        rows={4}
        defaultValue={body}
        required
        hint={COMMENT_HINT}
        maxCharacters={MAX_COMMENT_LENGTH}
      />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
      <CancelPanel href={returnTo} />
    </ActionForm>
  );
}

export function ReportForm({ id, returnTo, permalink }: Target) {
  return (
    <ActionForm action={reportComment} className={small} permalink={permalink}>
      <input type="hidden" name="id" value={id} />
      <label className="block font-semibold" htmlFor={`reason-${id}`}>
        Reason
      </label>
      <select
        id={`reason-${id}`}
        name="reason"
        required
        className="mt-1 rounded border border-rule bg-paper px-2 py-1.5"
      >
        {REPORT_REASONS.map((reason) => (
          <option key={reason.value} value={reason.value}>
            {reason.label}
          </option>
        ))}
      </select>{" "}
      <SubmitButton variant="secondary">Send report</SubmitButton>
      <CancelPanel href={returnTo} />
    </ActionForm>
  );
}

/** The second step of a delete: the reader's own comment, or a moderator's on any. */
export function ConfirmDelete({ id, returnTo, permalink, own }: Target & { own: boolean }) {
  return (
    <ActionForm
      action={own ? deleteOwnComment : moderateComment}
      className={small}
      permalink={permalink}
    >
      <input type="hidden" name={own ? "id" : "ids"} value={id} />
      {!own && <input type="hidden" name="decision" value="delete" />}
      <input type="hidden" name="returnTo" value={returnTo} />
      <p className="font-semibold">
        Delete this comment? Its text is gone for good; replies to it stay.
      </p>
      <SubmitButton variant="danger">Delete comment</SubmitButton>
      <CancelPanel href={returnTo} />
    </ActionForm>
  );
}

export function ConfirmBan({ id, returnTo, permalink, author }: Target & { author: string }) {
  return (
    <ActionForm action={banCommenter} className={small} permalink={permalink}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <p className="font-semibold">
        Ban {author}? Their comments are hidden, they are signed out, and they can no longer post.
      </p>
      <SubmitButton variant="danger">Ban {author}</SubmitButton>
      <CancelPanel href={returnTo} />
    </ActionForm>
  );
}

/** A moderator's one-press decision that can be undone: Approve, Hide, Restore, Pick, Unpick. */
export function ModerateButton({
  id,
  returnTo,
  permalink,
  decision,
  label,
}: Target & { decision: "approve" | "hide" | "restore" | "pick" | "unpick"; label: string }) {
  return (
    <ActionForm action={moderateComment} permalink={permalink}>
      <input type="hidden" name="ids" value={id} />
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="text-muted hover:text-accent">
        {label}
      </button>
    </ActionForm>
  );
}
