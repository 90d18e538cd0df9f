"use client";

import {
  ActionForm,
  SubmitButton,
  TextField,
  useSubmittedValue,
} from "@/components/forms/action-form";
import {
  banCommenter,
  deleteOwnComment,
  editComment,
  moderateComment,
  reportComment,
} from "@/lib/comments/actions";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { BAN_TERMS, REMOVAL_REASONS, REPORT_REASONS } from "@/lib/comments/reasons";
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
      <p className="mt-3 text-muted">
        Illegal content?{" "}
        <a href={`/report/${id}`} className="text-accent underline">
          Send a notice of illegal content
        </a>
        : say which law it breaks, and we email you the decision.
      </p>
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

const field = "mt-1 block w-full max-w-md rounded border border-rule bg-paper px-2 py-1.5";

/** Why a moderator removes comments: a reason from the list, and a note ("Other" needs one). */
export function RemovalFields({ idPrefix, required }: { idPrefix: string; required: boolean }) {
  const reason = useSubmittedValue("reason");
  const note = useSubmittedValue("note");
  return (
    <>
      <label className="block font-semibold" htmlFor={`${idPrefix}-reason`}>
        Reason for removing
      </label>
      <select
        // Mounted again with what was sent when the form is refused: a form action resets a
        // select to the option it was first rendered with.
        key={reason}
        id={`${idPrefix}-reason`}
        name="reason"
        required={required}
        defaultValue={reason}
        className={field}
      >
        <option value="">Choose a reason…</option>
        {REMOVAL_REASONS.map((reason) => (
          <option key={reason.value} value={reason.value}>
            {reason.label}
          </option>
        ))}
      </select>
      <label className="mt-2 block font-semibold" htmlFor={`${idPrefix}-note`}>
        Note to the author <span className="font-normal text-muted">(needed for “Other”)</span>
      </label>
      <input
        id={`${idPrefix}-note`}
        name="note"
        maxLength={500}
        defaultValue={note}
        className={field}
      />
    </>
  );
}

/** Hiding a comment, with the reason its author is shown and mailed. */
export function HideForm({ id, returnTo, permalink }: Target) {
  return (
    <ActionForm action={moderateComment} className={small} permalink={permalink}>
      <input type="hidden" name="ids" value={id} />
      <input type="hidden" name="decision" value="hide" />
      <input type="hidden" name="returnTo" value={returnTo} />
      <RemovalFields idPrefix={`hide-${id}`} required />
      <p className="mt-2 text-muted">
        Other readers stop seeing it; its author sees it marked removed, with the reason, and is
        emailed the reason.
      </p>
      <SubmitButton variant="danger">Hide comment</SubmitButton>
      <CancelPanel href={returnTo} />
    </ActionForm>
  );
}

/** A ban: how long, why, and whether the reader's comments are hidden too. */
export function BanFields({ idPrefix }: { idPrefix: string }) {
  const term = useSubmittedValue("term", "week");
  const reason = useSubmittedValue("reason");
  return (
    <>
      <label className="mt-2 block font-semibold" htmlFor={`${idPrefix}-term`}>
        How long
      </label>
      <select key={term} id={`${idPrefix}-term`} name="term" defaultValue={term} className={field}>
        {BAN_TERMS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label className="mt-2 block font-semibold" htmlFor={`${idPrefix}-why`}>
        Reason for the ban
      </label>
      <input
        id={`${idPrefix}-why`}
        name="reason"
        required
        maxLength={500}
        defaultValue={reason}
        className={field}
      />
      <label className="mt-2 flex items-center gap-2">
        <input type="checkbox" name="hideComments" defaultChecked /> Hide all their comments
      </label>
    </>
  );
}

export function ConfirmBan({ id, returnTo, permalink, author }: Target & { author: string }) {
  return (
    <ActionForm action={banCommenter} className={small} permalink={permalink}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <p className="font-semibold">
        Ban {author}? They are signed out and cannot post until the ban ends.
      </p>
      <BanFields idPrefix={`ban-${id}`} />
      <SubmitButton variant="danger">Ban {author}</SubmitButton>
      <CancelPanel href={returnTo} />
    </ActionForm>
  );
}

/** A moderator's one-press decision that can be undone: Approve, Restore, Pick, Unpick. */
export function ModerateButton({
  id,
  returnTo,
  permalink,
  decision,
  label,
}: Target & { decision: "approve" | "restore" | "pick" | "unpick"; label: string }) {
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
