import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getArticle } from "@/lib/content";
import { getDb, isDatabaseUnavailable } from "@/lib/db/client";
import { sendMail } from "@/lib/mail";
import { sendOnce } from "@/lib/mail/once";
import { isMailError } from "@/lib/mail/errors";
import { confirmationMail, issueMail } from "./mail";
import {
  claimDeliveries,
  failDelivery,
  finishSends,
  markSent,
  releaseDelivery,
  type Delivery,
} from "./sends";
import {
  claimSignups,
  completeSignup,
  hasDueSignups,
  retrySignup,
  type QueuedSignup,
} from "./signups";
import { purgeUnconfirmed, releaseConfirmation, requestSubscription } from "./subscribers";

/**
 * The newsletter sender, in every server process. It claims deliveries in batches, and sends
 * each message once (lib/mail/once.ts): recorded as sent with the final "." that makes the
 * mail server accept it, so that an instance killed mid-send neither loses a delivery nor
 * sends it again. Another sender that took over a delivery (an expired lease) makes the
 * record fail, and this sender abandons the message.
 */
const WORKER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const BATCH = 25;
const CONCURRENCY = 5;
const LEASE_MS = 15_000;
const POLL_MS = 5_000;
/** Confirmation mails wait at most this long after the signup. */
const SIGNUP_POLL_MS = 1_000;

let draining: Promise<void> | null = null;
let confirming: Promise<void> | null = null;
let started = false;

async function deliver(delivery: Delivery): Promise<void> {
  const db = await getDb();
  const article = await getArticle(delivery.articleSlug);
  if (!article) {
    await failDelivery(db, delivery, WORKER, "the article no longer exists");
    return;
  }
  const sent = await sendOnce(
    issueMail(article, { to: delivery.email, ...delivery }),
    (finish) => markSent(db, delivery, WORKER, { finish }),
    "[newsletter]",
  );
  if (sent.outcome === "failed") await failDelivery(db, delivery, WORKER, sent.reason);
  if (sent.outcome === "retry") await releaseDelivery(db, delivery, WORKER, sent.reason);
}

async function drain(): Promise<void> {
  const db = await getDb();
  for (;;) {
    const batch = await claimDeliveries(db, WORKER, BATCH, LEASE_MS);
    if (batch.length === 0) break;
    for (let index = 0; index < batch.length; index += CONCURRENCY) {
      await Promise.all(batch.slice(index, index + CONCURRENCY).map(deliver));
    }
  }
  await finishSends(db);
}

/** Mails one signup's confirmation where one is due, or leaves it for a later attempt. */
async function confirmSignup(signup: QueuedSignup): Promise<void> {
  const db = await getDb();
  const outcome = await requestSubscription(db, signup.email, new Date(), signup.follows);
  if (outcome.send) {
    try {
      await sendMail(confirmationMail(signup.email, outcome.subscriberId, outcome.token));
    } catch (error) {
      if (!isMailError(error)) throw error;
      await releaseConfirmation(db, outcome);
      const result = await retrySignup(db, signup, WORKER, error.message);
      console.warn(
        `[newsletter] the confirmation to ${signup.email} could not be sent (${error.message}); ${result === "retry" ? "it will be tried again" : "given up after a day"}`,
      );
      return;
    }
  }
  await completeSignup(db, signup, WORKER);
}

async function confirmSignups(): Promise<void> {
  const db = await getDb();
  if (!(await hasDueSignups(db))) return;
  for (;;) {
    const batch = await claimSignups(db, WORKER, BATCH);
    if (batch.length === 0) return;
    for (let index = 0; index < batch.length; index += CONCURRENCY) {
      await Promise.all(batch.slice(index, index + CONCURRENCY).map(confirmSignup));
    }
  }
}

/** Mails the confirmations of queued signups, unless this process is already at it. */
export function kickConfirmations(): Promise<void> {
  confirming ??= confirmSignups()
    .catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return;
      console.error("[newsletter] confirming signups stopped:", error);
    })
    .finally(() => {
      confirming = null;
    });
  return confirming;
}

/** Sends whatever is queued, unless this process is already at it. */
export function kickSender(): Promise<void> {
  draining ??= drain()
    .catch((error: unknown) => {
      // The database is away: the next poll tries again, without a stack every 5 s.
      if (isDatabaseUnavailable(error)) return;
      console.error("[newsletter] sending stopped:", error);
    })
    .finally(() => {
      draining = null;
    });
  return draining;
}

/** Started with the server: resumes a send a crash interrupted, and keeps the queue moving. */
export function startSender(): void {
  if (started) return;
  started = true;
  let ticks = 0;
  const tick = () => {
    void kickSender();
    // Hourly: forget addresses that never confirmed.
    if (ticks++ % Math.round(3_600_000 / POLL_MS) === 0) {
      void getDb()
        .then((db) => purgeUnconfirmed(db))
        .catch(() => undefined);
    }
  };
  setInterval(tick, POLL_MS).unref();
  tick();
  setInterval(() => void kickConfirmations(), SIGNUP_POLL_MS).unref();
}
