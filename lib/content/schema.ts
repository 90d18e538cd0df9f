import { z } from "zod";
import { SLUG_PATTERN } from "./slug";

const text = z.string().trim().min(1, "must not be empty");
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");

/** A correction or an update: when, and what was wrong and is now right (or what was added). */
const note = z.object({ date: isoDate, text: text.max(1000) }).strict();

export const frontmatterSchema = z
  .object({
    title: text.max(200),
    dek: text.max(300),
    kind: z.enum(["op-ed", "analysis"]),
    /** A byline of its own (the publication, a guest), or `authors` by slug: one of the two. */
    author: text.max(120).optional(),
    authors: z
      .array(z.string().regex(SLUG_PATTERN, "must be an author's slug (content/authors/<slug>.md)"))
      .min(1, "needs at least one author")
      .max(8)
      .optional(),
    /** A date (midnight in TIME_ZONE) or a date and time: the piece is live from then. */
    published: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/,
        "must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM, with an optional offset)",
      ),
    /** A draft is never published; `npm run dev` shows it with a banner. */
    draft: z.boolean().default(false),
    updated: isoDate.optional(),
    corrections: z.array(note).default([]),
    updates: z.array(note).default([]),
    topics: z.array(text.max(60)).min(1, "needs at least one topic"),
    comments: z.enum(["open", "closed"]).default("open"),
    image: z
      .object({ src: text, alt: z.string().trim().max(500), credit: text.max(200).optional() })
      .strict()
      .optional(),
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
  .superRefine((data, context) => {
    if ((data.author === undefined) === (data.authors === undefined)) {
      context.addIssue({
        code: "custom",
        message: "needs either author (a byline) or authors (slugs), not both",
        path: ["authors"],
      });
    }
    const today = new Date().toISOString().slice(0, 10);
    const publishedDay = data.published.slice(0, 10);
    const dated: [string, string | undefined][] = [
      ["updated", data.updated],
      ...data.corrections.map((item, index) => [`corrections.${index}.date`, item.date] as [string, string]),
      ...data.updates.map((item, index) => [`updates.${index}.date`, item.date] as [string, string]),
    ];
    for (const [field, date] of dated) {
      if (!date) continue;
      if (date < publishedDay) {
        context.addIssue({ code: "custom", message: "must not be earlier than published", path: field.split(".") });
      } else if (field !== "updated" && date > today) {
        context.addIssue({ code: "custom", message: "must not be in the future", path: field.split(".") });
      }
    }
  });

