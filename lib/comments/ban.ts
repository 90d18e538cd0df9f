/** Whether a reader's ban is in force at `now`: a timed ban ends by itself. */
export function isBanned(
  standing: { bannedAt: string | null; bannedUntil: string | null },
  now = new Date(),
): boolean {
  if (!standing.bannedAt) return false;
  return standing.bannedUntil === null || Date.parse(standing.bannedUntil) > now.getTime();
}
