"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { formAction } from "@/lib/forms/action";
import { returnToField } from "@/lib/http/return-to";
import { emailAddressField } from "@/lib/mail/address";
import { kickMailQueue } from "@/lib/mail/worker";
import { clientAddress, consume, waitPhrase } from "@/lib/rate-limit";
import { publicPagesChanged } from "./cache";
import { NOTICE_LIMITS } from "./notice-limits";
import { createNotice, decideNotice } from "./notices";
import { findComment } from "./queries";

/** Free text from the form, with the limit said in words. */
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `Say ${label}.` })
    .max(max, { message: `Keep ${label} under ${max.toLocaleString("en-GB")} characters.` });

const RECEIVED =
  "Thank you. Your notice is with the moderators: we have emailed you a receipt, and will email you the decision and its reasons.";

/** A notice of illegal content: anyone may send one, signed in or not (/report/<id>). */
export const sendNotice = formAction(
  {
    access: "anyone",
    schema: z.object({
      id: z.string().uuid({ message: "That comment does not exist." }),
      law: text("which law the comment breaks", NOTICE_LIMITS.law),
      explanation: text("why it breaks it", NOTICE_LIMITS.explanation),
      name: text("your name", NOTICE_LIMITS.name),
      email: emailAddressField,
      goodFaith: z.literal("on", {
        message: "Confirm that the notice is accurate and sent in good faith.",
      }),
      // A field people never see: only robots fill it in.
      website: z.string().optional(),
    }),
  },
  async (input, viewer) => {
    if (input.website) return { ok: true, message: RECEIVED };
    const db = await getDb();
    const comment = await findComment(db, input.id);
    if (!comment || comment.status === "deleted") {
      return { ok: false, message: "That comment does not exist." };
    }
    const limit = await consume("noticePerClient", await clientAddress());
    if (!limit.ok) {
      return {
        ok: false,
        message: `Too many notices from here. Try again in ${waitPhrase(limit.retryAfterSeconds)}, or write to us by email.`,
      };
    }
    await createNotice(
      db,
      {
        commentId: comment.id,
        articleSlug: comment.articleSlug,
        law: input.law,
        explanation: input.explanation,
        senderName: input.name,
        senderEmail: input.email,
        senderId: viewer?.id ?? null,
      },
      getConfig().auth.adminEmails,
    );
    after(() => kickMailQueue());
    return { ok: true, message: RECEIVED };
  },
);

/** A moderator's decision on a notice: the comment removed, or kept; the sender is told. */
export const decideOnNotice = formAction(
  {
    access: "moderator",
    schema: z.object({
      id: z.string().uuid({ message: "That notice does not exist." }),
      outcome: z.enum(["removed", "kept"], { message: "Choose a decision." }),
      note: text("the reasons for the decision", 2_000),
      returnTo: returnToField,
    }),
  },
  async (input, viewer) => {
    const slugs = await decideNotice(await getDb(), {
      noticeId: input.id,
      outcome: input.outcome,
      note: input.note,
      moderator: viewer.email,
    });
    if (slugs === null) return { ok: false, message: "That notice has been decided already." };
    publicPagesChanged(slugs);
    after(() => kickMailQueue());
    redirect(input.returnTo);
  },
);
