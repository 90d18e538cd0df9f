import type { Migration } from "kysely";
import { accounts } from "./001-accounts";
import { comments } from "./002-comments";
import { newsletter } from "./003-newsletter";
import { commentHtml } from "./004-comment-html";
import { newsletterSignups } from "./005-newsletter-signups";
import { newsletterFollows } from "./006-newsletter-follows";
import { commentPicks } from "./007-comment-picks";
import { moderation } from "./008-moderation";
import { notices } from "./009-notices";
import { discussionFollows } from "./010-discussion-follows";

/**
 * Versioned migrations, applied in key order by Kysely's migrator. Listed here rather
 * than read from a folder so that the bundled server carries them. Keys never change
 * once released; a change to the schema is a new entry.
 */
export const migrations: Record<string, Migration> = {
  "001-accounts": accounts,
  "002-comments": comments,
  "003-newsletter": newsletter,
  "004-comment-html": commentHtml,
  "005-newsletter-signups": newsletterSignups,
  "006-newsletter-follows": newsletterFollows,
  "007-comment-picks": commentPicks,
  "008-moderation": moderation,
  "009-notices": notices,
  "010-discussion-follows": discussionFollows,
};
