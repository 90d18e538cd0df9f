import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { safeReturnPath } from "@/lib/http/return-to";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { getConfig } from "@/lib/config";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  describeDatabaseError,
  isDatabaseUnavailable,
} from "@/lib/db/client";
import { isMailError, MAIL_UNAVAILABLE_MESSAGE } from "@/lib/mail/errors";

/** What every form action answers: success with a message, or what to fix. */
export type ActionResult =
  | { ok: true; message: string }
  | {
      ok: false;
      message: string;
      errors?: Partial<Record<string, string>>;
      /** What the reader typed, so that a refused form keeps it. */
      values?: Record<string, string>;
    };

/** A form's state before its first submission is null. */
export type FormState = ActionResult | null;

type Access = "anyone" | "reader" | "moderator";
type ViewerFor<A extends Access> = A extends "anyone" ? Viewer | null : Viewer;

/** FormData as a plain object: one value as a string, several as an array. */
function formFields(formData: FormData): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData
      .getAll(key)
      .filter((value): value is string => typeof value === "string");
    fields[key] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return fields;
}

/**
 * The one way a form action is written: it resolves the reader from their session (never
 * from the form), checks what they may do, parses the fields with the schema, and only
 * then runs the body. Redirects pass through; anything unexpected is logged and answered
 * with a message rather than an error page.
 */
export function formAction<S extends z.ZodType, A extends Access>(
  options: { schema: S; access: A },
  body: (input: z.output<S>, viewer: ViewerFor<A>) => Promise<ActionResult>,
): (previous: FormState | FormData, formData: FormData) => Promise<ActionResult> {
  return async (previous, formData) => {
    // A hand-made post can call the action with the form as its only argument.
    const data =
      formData instanceof FormData
        ? formData
        : previous instanceof FormData
          ? previous
          : new FormData();
    const fields = formFields(data);
    const values = Object.fromEntries(
      Object.entries(fields).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
    const refused = (result: ActionResult): ActionResult =>
      result.ok ? result : { ...result, values };
    try {
      const viewer = await getViewer();
      if (options.access !== "anyone" && !viewer) {
        // A plain form post renders the page for nobody, with no form to show this in: send
        // the reader to sign in, with the reason, and back.
        const requestHeaders = await headers();
        if (!requestHeaders.has("next-action")) {
          const back = safeReturnPath(requestHeaders.get("referer"), getConfig().siteUrl);
          redirect(
            `/signin?${new URLSearchParams({ error: "SessionExpired", callbackUrl: back })}`,
          );
        }
        return refused({
          ok: false,
          message: "Your session has ended. Sign in again to continue.",
        });
      }
      if (options.access === "moderator" && !viewer?.isModerator) {
        return refused({ ok: false, message: "Only moderators can do this." });
      }
      const parsed = options.schema.safeParse(fields);
      if (!parsed.success) {
        const errors: Partial<Record<string, string>> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "form");
          errors[field] ??= issue.message;
        }
        return refused({
          ok: false,
          message: Object.values(errors)[0] ?? "Check the form and try again.",
          errors,
        });
      }
      return refused(await body(parsed.data, viewer as ViewerFor<A>));
    } catch (error) {
      unstable_rethrow(error);
      if (isDatabaseUnavailable(error)) {
        console.warn(
          `[db] a form action could not use the database: ${describeDatabaseError(error)}`,
        );
        return refused({ ok: false, message: DATABASE_UNAVAILABLE_MESSAGE });
      }
      if (isMailError(error)) {
        console.warn(`[mail] a form action could not send mail: ${error.message}`);
        return refused({ ok: false, message: MAIL_UNAVAILABLE_MESSAGE });
      }
      console.error("A form action failed:", error);
      return refused({
        ok: false,
        message:
          "Something went wrong on our side and nothing was saved. Please try again shortly.",
      });
    }
  };
}
