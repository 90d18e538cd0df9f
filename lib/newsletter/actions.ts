"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAllAuthors, getAllTopics, getArticle } from "@/lib/content";
import { getDb } from "@/lib/db/client";
import { formAction } from "@/lib/forms/action";
import { sendMail } from "@/lib/mail";
import { emailAddressField } from "@/lib/mail/address";
import { clientAddress, consume, waitPhrase } from "@/lib/rate-limit";
import { issueMail } from "./mail";
import { kickSender } from "./sender";
import { createSend } from "./sends";
import { followsExist, followsField, followsFrom, setFollows, type Follows } from "./follows";
import { enqueueSignup } from "./signups";
import {
  confirmSubscription,
  subscribeVerified,
  subscriberStatusById,
  unsubscribe,
} from "./subscribers";
import { isUnsubscribeToken } from "./tokens";

/** The one answer to a signup, whether the address is new, pending or subscribed already. */
const CHECK_INBOX =
  "Thank you. Check your inbox and confirm your subscription: the link works for 48 hours.";

/** Whether every topic and author chosen is one the site has now. */
async function knownFollows(follows: Follows | null): Promise<boolean> {
  if (!follows) return true;
  const [topics, authors] = await Promise.all([getAllTopics(), getAllAuthors()]);
  return followsExist(follows, {
    topics: new Set(topics.map((topic) => topic.slug)),
    authors: new Set(authors.map(({ author }) => author.slug)),
  });
}

const UNKNOWN_CHOICE = "Choose topics and authors from the list.";

export const subscribe = formAction(
  {
    access: "anyone",
    schema: z.object({
      email: emailAddressField,
      // Topics and authors ticked on the newsletter page; none is everything.
      follow: followsField,
      // A field people never see: only robots fill it in.
      website: z.string().optional(),
    }),
  },
  async ({ email, follow, website }, viewer) => {
    if (website) return { ok: true, message: CHECK_INBOX };
    const follows = followsFrom(follow);
    if (!(await knownFollows(follows))) return { ok: false, message: UNKNOWN_CHOICE };
    const limit = await consume("signupPerClient", await clientAddress());
    if (!limit.ok) {
      return {
        ok: false,
        message: `Too many sign-ups from here. Try again in ${waitPhrase(limit.retryAfterSeconds)}.`,
      };
    }
    const db = await getDb();
    if (viewer?.emailVerified && viewer.email === email) {
      await subscribeVerified(db, email, new Date(), follows);
      return {
        ok: true,
        message: follows
          ? "You are subscribed: new pieces on what you chose will come to your inbox."
          : "You are subscribed: new analyses will come to your inbox.",
      };
    }
    // Queued, never mailed here: the same work whoever the address belongs to (see signups.ts).
    await enqueueSignup(db, email, new Date(), follows);
    return { ok: true, message: CHECK_INBOX };
  },
);

const link = z.object({
  s: z.string().uuid("This link is not valid."),
  t: z.string().min(1).max(200),
});

export const confirm = formAction({ access: "anyone", schema: link }, async ({ s, t }) => {
  const state = await confirmSubscription(await getDb(), s, t);
  if (state === "valid") redirect("/newsletter/thanks");
  return {
    ok: false,
    message:
      state === "expired"
        ? "This confirmation link has expired. Sign up again for a new one."
        : state === "used"
          ? "This subscription is confirmed already."
          : "This confirmation link is not valid. Sign up again for a new one.",
  };
});

export const unsubscribeAction = formAction(
  { access: "anyone", schema: link },
  async ({ s, t }) => {
    if (!isUnsubscribeToken(s, t)) {
      return {
        ok: false,
        message: "This unsubscribe link is not valid. Use the one in your latest newsletter.",
      };
    }
    await unsubscribe(await getDb(), s);
    return {
      ok: true,
      message:
        "You are unsubscribed: no more newsletters will come to this address. We have kept no copy of it.",
    };
  },
);

/** From the link in every newsletter: what the subscriber receives from now on. */
export const updateFollows = formAction(
  { access: "anyone", schema: link.extend({ follow: followsField }) },
  async ({ s, t, follow }) => {
    if (!isUnsubscribeToken(s, t)) {
      return {
        ok: false,
        message: "This link is not valid. Use the one in your latest newsletter.",
      };
    }
    const follows = followsFrom(follow);
    if (!(await knownFollows(follows))) return { ok: false, message: UNKNOWN_CHOICE };
    const db = await getDb();
    if ((await subscriberStatusById(db, s)) !== "confirmed") {
      return { ok: false, message: "This address is not subscribed." };
    }
    await setFollows(db, s, follows);
    return {
      ok: true,
      message: follows
        ? "Saved: from now on you receive the pieces on what you ticked."
        : "Saved: from now on you receive every new piece.",
    };
  },
);

const articleChoice = z.object({
  slug: z.string().min(1, "Choose an article."),
});

export const sendTestIssue = formAction(
  { access: "moderator", schema: articleChoice },
  async ({ slug }, viewer) => {
    const article = await getArticle(slug);
    if (!article) return { ok: false, message: "Choose an article." };
    const test = issueMail(article, { to: viewer.email, sendId: "test", subscriberId: "test" });
    await sendMail({ ...test, subject: `[Test] ${test.subject}`, messageId: undefined });
    return { ok: true, message: `A test copy is on its way to ${viewer.email}.` };
  },
);

export const startSend = formAction(
  {
    access: "moderator",
    schema: articleChoice.extend({
      confirm: z.literal("yes", { error: "Tick the box to confirm that you want to send it." }),
    }),
  },
  async ({ slug }, viewer) => {
    const article = await getArticle(slug);
    if (!article) return { ok: false, message: "Choose an article." };
    const send = await createSend(await getDb(), {
      articleSlug: article.slug,
      subject: article.title,
      createdBy: viewer.email,
      topics: article.topics.map((topic) => topic.slug),
      authors: article.authors.map((author) => author.slug),
    });
    if (!send) return { ok: false, message: "This article has been sent already." };
    after(() => kickSender());
    redirect("/admin/newsletter");
  },
);
