"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import {
  FormMessage,
  FormStateProvider,
  refuseTooLong,
  SubmitButton,
  TextField,
} from "@/components/forms/action-form";
import { postComment } from "@/lib/comments/actions";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { CancelPanel } from "./comment-actions";

export const COMMENT_HINT = `Plain text, with *emphasis*, **bold**, \`code\`, > quotes and [links](https://…). Up to ${MAX_COMMENT_LENGTH.toLocaleString("en-GB")} characters.`;

/** The comment being sent, shown at once while the server stores it. */
function PendingComment({ author }: { author: string }) {
  const { pending, data } = useFormStatus();
  const body = data?.get("body");
  if (!pending || typeof body !== "string" || !body.trim()) return null;
  return (
    <div aria-busy="true" className="mt-4 rounded border border-dashed border-rule p-4">
      <p className="font-sans text-sm">
        <span className="font-semibold">{author}</span>{" "}
        <span className="text-muted">· posting…</span>
      </p>
      <p className="mt-2 font-serif whitespace-pre-wrap">{body.trim()}</p>
    </div>
  );
}

/**
 * A new comment or a reply. Without JavaScript it is a plain form post that lands back at
 * the new comment; with it, the comment shows at once and a refusal keeps the text.
 */
export function CommentForm({
  slug,
  parentId,
  requestKey,
  returnTo,
  author,
  permalink,
  submitLabel = "Post comment",
  cancellable = false,
}: {
  slug: string;
  parentId?: string;
  requestKey: string;
  /** The page to come back to, at the new comment. */
  returnTo: string;
  author: string;
  /** The per-reader page the form posts to without JavaScript (see reader-comments.tsx). */
  permalink: string;
  submitLabel?: string;
  /** A reply's form has a Cancel; the form under the article does not. */
  cancellable?: boolean;
}) {
  const [state, action] = useActionState(postComment, null, permalink);
  return (
    <form action={action} onSubmit={refuseTooLong} noValidate>
      <input type="hidden" name="slug" value={slug} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <input type="hidden" name="requestKey" value={requestKey} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormStateProvider value={state}>
        <TextField
          name="body"
          label="Comment"
          rows={parentId ? 3 : 5}
          required
          hint={COMMENT_HINT}
          maxCharacters={MAX_COMMENT_LENGTH}
        />
      </FormStateProvider>
      <SubmitButton pendingLabel="Posting…">{submitLabel}</SubmitButton>
      {cancellable && <CancelPanel href={returnTo} />}
      <FormMessage state={state} />
      <PendingComment author={author} />
    </form>
  );
}
