import "server-only";
import type { Kysely } from "kysely";
import { getDb, isDatabaseUnavailable } from "@/lib/db/client";
import type { Database } from "@/lib/db/schema";
import { drainMailQueue, type Composer } from "./queue";

/**
 * The mail queue's sender, in every server process: it polls for what is due, and an action
 * that queued mail kicks it at once. Its state is kept on globalThis, because the server's
 * start (instrumentation) and its actions are bundled apart and would otherwise hold two.
 */
const POLL_MS = 5_000;
const STATE = Symbol.for("the-strategic-ledger.mail-queue");

/** Writes what has come due into the queue (a daily digest), before each turn's sending. */
export type Producer = (db: Kysely<Database>) => Promise<unknown>;

interface State {
  composers: Record<string, Composer>;
  producers: Producer[];
  draining: Promise<void> | null;
}

type Holder = typeof globalThis & { [STATE]?: State };

/** Sends what is due, unless this process is already at it; nothing before the start. */
export function kickMailQueue(): Promise<void> {
  const state = (globalThis as Holder)[STATE];
  if (!state) return Promise.resolve();
  state.draining ??= getDb()
    .then(async (db) => {
      for (const produce of state.producers) await produce(db);
      await drainMailQueue(db, state.composers);
    })
    .then(() => undefined)
    .catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return;
      console.error("[mail queue] sending stopped:", error);
    })
    .finally(() => {
      state.draining = null;
    });
  return state.draining;
}

/**
 * Started with the server, with the writers of the kinds made when they go, and what queues
 * mail on its own schedule.
 */
export function startMailQueue(
  composers: Record<string, Composer>,
  producers: Producer[] = [],
): void {
  const holder = globalThis as Holder;
  if (holder[STATE]) return;
  holder[STATE] = { composers, producers, draining: null };
  setInterval(() => void kickMailQueue(), POLL_MS).unref();
  void kickMailQueue();
}
