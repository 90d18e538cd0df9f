import { z } from "zod";
import { SLUG_PATTERN } from "./slug";

const text = z.string().trim().min(1, "must not be empty");

export const frontmatterSchema = z
  .object({
    title: text.max(200),
    dek: text.max(300),
    kind: z.enum(["op-ed", "analysis"]),
    author: text.max(120),
    published: z.iso.date("must be a date written YYYY-MM-DD"),
    updated: z.iso.date("must be a date written YYYY-MM-DD").optional(),
    topics: z.array(text.max(60)).min(1, "needs at least one topic"),
    related: z.array(z.string().regex(SLUG_PATTERN, "must be an article slug")).default([]),
    faq: z
      .object({
        title: text.max(200),
        items: z.array(z.object({ question: text, answer: text }).strict()).min(1),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((data) => !data.updated || data.updated >= data.published, {
    message: "must not be earlier than published",
    path: ["updated"],
  });

