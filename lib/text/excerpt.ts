/** Text cut to at most `length` characters, an ellipsis marking the cut. */
export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** A quotation for a mail or a list: on one line, cut to `length`. */
export function excerpt(text: string, length: number): string {
  return truncate(text.replace(/\s+/g, " ").trim(), length);
}
