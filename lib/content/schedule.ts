/**
 * When a piece goes live. `published` in the frontmatter is a date (midnight in the
 * publication's time zone, TIME_ZONE) or a date and time (in that zone, or with its own
 * offset or Z); the piece is live from that moment, unless it is a draft.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Whether a time zone name is one this runtime knows ("Europe/London", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a frontmatter `published` value stands for, as an ISO string in UTC, or null
 * when it is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM[:SS][offset]).
 */
export function publicationInstant(value: string, timeZone: string): string | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour = "00", minute = "00", second = "00", offset] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [y, mo, d, h, mi, s] = fields;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return null;
  }
  let instant: number;
  if (offset === "Z") instant = wall;
  else if (offset) {
    const sign = offset.startsWith("-") ? -1 : 1;
    const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
    instant = wall - sign * minutes * 60_000;
  } else {
    // The wall time in the zone: correct by the zone's offset, then again in case the
    // first guess fell on the other side of a change of clocks.
    instant = wall - zoneOffset(wall, timeZone);
    instant = wall - zoneOffset(instant, timeZone);
  }
  return new Date(instant).toISOString();
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone: what readers see. */
export function dateIn(instant: string, timeZone: string): string {
  const at = Date.parse(instant);
  return new Date(at + zoneOffset(at, timeZone)).toISOString().slice(0, 10);
}

export interface Schedulable {
  draft: boolean;
  /** ISO instant in UTC. */
  publishedAt: string;
}

/** Whether a piece is out for readers at `now` (ms since the epoch). */
export function isLive(article: Schedulable, now: number): boolean {
  return !article.draft && Date.parse(article.publishedAt) <= now;
}

/** The next moment after `now` when a piece goes live, or null when none is waiting. */
export function nextPublication(articles: readonly Schedulable[], now: number): number | null {
  let next: number | null = null;
  for (const article of articles) {
    if (article.draft) continue;
    const at = Date.parse(article.publishedAt);
    if (at > now && (next === null || at < next)) next = at;
  }
  return next;
}
