/** Why a reader reports a comment: the choices on the form, and the words in the queue. */
export const REPORT_REASONS = [
  { value: "spam", label: "Spam or advertising" },
  { value: "abuse", label: "Abuse, harassment or hate" },
  { value: "off-topic", label: "Off-topic" },
  { value: "misinformation", label: "Deliberate misinformation" },
  { value: "other", label: "Something else" },
] as const;

export function reasonLabel(value: string): string {
  return REPORT_REASONS.find((reason) => reason.value === value)?.label ?? value;
}
