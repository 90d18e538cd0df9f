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
import { COMMENT_HINT } from "./comment-form";

const small = "font-sans text-sm";

export function EditForm({
  id,
  body,
  sort,
  permalink,
}: {
  id: string;
  body: string;
  sort: string;
  permalink: string;
}) {
  return (
    <ActionForm action={editComment} permalink={permalink}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="sort" value={sort} />
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
    </ActionForm>
  );
}

export function ReportForm({ id, permalink }: { id: string; permalink: string }) {
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
    </ActionForm>
  );
}

/** A one-button form: Delete (own), or a moderator's Hide, Restore, Approve, Delete, Ban. */
export function ButtonForm({
  kind,
  id,
  sort,
  returnTo,
  label,
  permalink,
}: {
  kind: "delete-own" | "hide" | "restore" | "approve" | "delete" | "ban";
  id: string;
  sort: string;
  returnTo: string;
  label: string;
  permalink: string;
}) {
  const action =
    kind === "delete-own" ? deleteOwnComment : kind === "ban" ? banCommenter : moderateComment;
  return (
    <ActionForm action={action} className="inline" permalink={permalink}>
      <input
        type="hidden"
        name={
          kind === "hide" || kind === "restore" || kind === "approve" || kind === "delete"
            ? "ids"
            : "id"
        }
        value={id}
      />
      {kind !== "delete-own" && kind !== "ban" && (
        <input type="hidden" name="decision" value={kind} />
      )}
      {kind === "delete-own" ? (
        <input type="hidden" name="sort" value={sort} />
      ) : (
        <input type="hidden" name="returnTo" value={returnTo} />
      )}
      <button type="submit" className="text-muted hover:text-accent">
        {label}
      </button>
    </ActionForm>
  );
}
