import "server-only";
import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import type { Database } from "@/lib/db/schema";

/**
 * What a subscriber asks to receive: everything (null, the default), or the pieces on some
 * topics and by some authors. The form names each choice "topic:<slug>" or "author:<slug>".
 */
export interface Follows {
  topics: string[];
  authors: string[];
}

/** At most this many choices: more than the site has topics and authors for a long while. */
export const MAX_FOLLOWS = 100;

const CHOICE = /^(topic|author):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * The form's field: the ticked boxes (one box comes as a string, several as a list), checked
 * against what exists by the caller.
 */
export const followsField = z.preprocess(
  (value) => (typeof value === "string" ? [value] : value),
  z
    .array(z.string().regex(CHOICE, "Choose topics and authors from the list."))
    .max(MAX_FOLLOWS, "Choose fewer topics and authors.")
    .optional(),
);

/** The ticked boxes as Follows: none ticked is everything. */
export function followsFrom(choices: readonly string[] | undefined): Follows | null {
  const follows: Follows = { topics: [], authors: [] };
  for (const choice of new Set(choices ?? [])) {
    const [, kind, slug] = CHOICE.exec(choice) ?? [];
    if (kind === "topic") follows.topics.push(slug!);
    else if (kind === "author") follows.authors.push(slug!);
  }
  return follows.topics.length + follows.authors.length === 0 ? null : follows;
}

/** Follows as the form's checkbox values, to tick the boxes of a choice already made. */
export function followChoices(follows: Follows | null): string[] {
  if (!follows) return [];
  return [
    ...follows.topics.map((slug) => `topic:${slug}`),
    ...follows.authors.map((slug) => `author:${slug}`),
  ];
}

/** Whether every choice names something that exists. */
export function followsExist(
  follows: Follows | null,
  known: { topics: ReadonlySet<string>; authors: ReadonlySet<string> },
): boolean {
  return (
    !follows ||
    (follows.topics.every((slug) => known.topics.has(slug)) &&
      follows.authors.every((slug) => known.authors.has(slug)))
  );
}

/** For the signup queue, which carries the choice to its confirmation. */
export function serialiseFollows(follows: Follows | null): string | null {
  return follows ? JSON.stringify(follows) : null;
}

const stored = z.object({ topics: z.array(z.string()), authors: z.array(z.string()) });

export function deserialiseFollows(value: string | null): Follows | null {
  if (!value) return null;
  try {
    const parsed = stored.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Replaces what a subscriber follows; inside the caller's transaction. */
export async function setFollows(
  db: Kysely<Database> | Transaction<Database>,
  subscriberId: string,
  follows: Follows | null,
): Promise<void> {
  await db.deleteFrom("subscriber_follows").where("subscriber_id", "=", subscriberId).execute();
  await db
    .updateTable("subscribers")
    .set({ follows_everything: follows ? 0 : 1 })
    .where("id", "=", subscriberId)
    .execute();
  if (!follows) return;
  const rows = [
    ...follows.topics.map((slug) => ({
      subscriber_id: subscriberId,
      kind: "topic" as const,
      slug,
    })),
    ...follows.authors.map((slug) => ({
      subscriber_id: subscriberId,
      kind: "author" as const,
      slug,
    })),
  ];
  await db.insertInto("subscriber_follows").values(rows).execute();
}

/** What a subscriber follows now: null for everything (or no such subscriber). */
export async function followsOf(
  db: Kysely<Database>,
  subscriberId: string,
): Promise<Follows | null> {
  const subscriber = await db
    .selectFrom("subscribers")
    .select("follows_everything")
    .where("id", "=", subscriberId)
    .executeTakeFirst();
  if (!subscriber || subscriber.follows_everything === 1) return null;
  const rows = await db
    .selectFrom("subscriber_follows")
    .select(["kind", "slug"])
    .where("subscriber_id", "=", subscriberId)
    .orderBy("kind")
    .orderBy("slug")
    .execute();
  return {
    topics: rows.filter((row) => row.kind === "topic").map((row) => row.slug),
    authors: rows.filter((row) => row.kind === "author").map((row) => row.slug),
  };
}
