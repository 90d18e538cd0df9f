/** Why a reader reports a comment: the choices on the form, and the words in the queue. */
export const REPORT_REASONS = [
  { value: "spam", label: "Spam or advertising" },
  { value: "abuse", label: "Abuse, harassment or hate" },
  { value: "off-topic", label: "Off-topic" },
  { value: "misinformation", label: "Deliberate misinformation" },
  // Not a report: the reader is taken to the notice form (/report/<id>).
  { value: "illegal", label: "Illegal content (a notice: which law, and why)" },
  { value: "other", label: "Something else" },
] as const;

export function reasonLabel(value: string): string {
  return REPORT_REASONS.find((reason) => reason.value === value)?.label ?? value;
}

/**
 * Why a moderator removes (hides) a comment: the choices on the queue, the words its author
 * is shown and mailed (the statement of reasons). "other" needs a note.
 */
export const REMOVAL_REASONS = [
  { value: "off-topic", label: "Off topic" },
  { value: "abuse", label: "Abuse or harassment" },
  { value: "spam", label: "Spam" },
  { value: "personal-data", label: "Personal data" },
  { value: "illegal", label: "Illegal content" },
  { value: "other", label: "Other" },
] as const;

export type RemovalReason = (typeof REMOVAL_REASONS)[number]["value"];

/** What a hide without its reason is told, by the queue's page and by the action. */
export const REASON_NEEDED = "Choose why these comments are removed: their authors are told.";
export const NOTE_NEEDED = "Say in the note why these comments are removed.";

/** The removal reason of comments hidden because their author was banned. */
export const BANNED_AUTHOR = "ban";

export function removalLabel(value: string | null, note?: string | null): string {
  if (value === BANNED_AUTHOR) return "Its author was banned";
  const label = REMOVAL_REASONS.find((reason) => reason.value === value)?.label ?? "Other";
  return note ? `${label} (${note})` : label;
}

/** How long a ban lasts: the choices on the ban form. */
export const BAN_TERMS = [
  { value: "day", label: "A day", ms: 86_400_000 },
  { value: "week", label: "A week", ms: 7 * 86_400_000 },
  { value: "month", label: "A month", ms: 30 * 86_400_000 },
  { value: "permanent", label: "Permanently", ms: null },
] as const;

export type BanTerm = (typeof BAN_TERMS)[number]["value"];
