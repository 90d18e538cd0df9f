import type { ColumnType } from "kysely";

/**
 * The tables the app reads and writes, one interface per table. Migrations in
 * ./migrations create them; features add their tables here and a migration there.
 */

/**
 * A point in time in the Auth.js tables: PostgreSQL stores `timestamptz` and hands back a
 * Date; SQLite stores ISO-8601 text, which the Auth.js adapter converts both ways.
 */
export type AuthTimestamp = ColumnType<Date | string, Date | string, Date | string>;

/** Auth.js's user, named and shaped as `@auth/kysely-adapter` expects, plus the site's own. */
export interface UserTable {
  id: string;
  /** The display name shown on the reader's comments. */
  name: string | null;
  email: string;
  emailVerified: AuthTimestamp | null;
  image: string | null;
  /** When a moderator banned the reader (ISO-8601), or null. */
  bannedAt: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a timed ban ends (ISO-8601); null with bannedAt set: the ban is permanent. */
  bannedUntil: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why the reader was banned, in the moderator's words (shown to moderators). */
  banReason: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when the reader asked to be mailed about replies to their comments. */
  notifyReplies: ColumnType<number, number | undefined, number>;
  /** 1 (the default) to be mailed when a moderator removes one of the reader's comments. */
  notifyDecisions: ColumnType<number, number | undefined, number>;
  /** 1 (the default): a moderator gets alerts about reported and held comments. */
  alertModeration: ColumnType<number, number | undefined, number>;
}

/** A sign-in method linked to a user: an OAuth or OpenID Connect identity. */
export interface AccountTable {
  userId: string;
  type: string;
  provider: string;
  providerAccountId: string;
  refresh_token: string | null;
  access_token: string | null;
  expires_at: number | null;
  token_type: string | null;
  scope: string | null;
  id_token: string | null;
  session_state: string | null;
}

export interface SessionTable {
  sessionToken: string;
  userId: string;
  expires: AuthTimestamp;
}

/** A sign-in link's token, stored as a hash of the token and the secret, never in clear. */
export interface VerificationTokenTable {
  identifier: string;
  token: string;
  expires: AuthTimestamp;
}

export type CommentStatus = "published" | "held" | "hidden" | "deleted";

/**
 * A comment. Times are ISO-8601 text on both engines. Deleting keeps the row (its replies
 * stay in place) and empties the body; deleting the author's account leaves author_id null.
 */
export interface CommentTable {
  id: string;
  article_slug: string;
  parent_id: string | null;
  author_id: string | null;
  /** What the reader wrote, as they wrote it (cleaned of invisible characters). */
  body: string;
  /** The page's HTML for it, made once when it was written (lib/comments/format.ts). */
  body_html: ColumnType<string, string | undefined, string>;
  status: CommentStatus;
  created_at: string;
  edited_at: string | null;
  moderated_at: string | null;
  /** When a moderator made it an editors' pick: shown first, labelled; null otherwise. */
  picked_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The form's one-time key: a resubmitted form finds its comment instead of posting twice. */
  request_key: string | null;
  /** Why a moderator hid it (a RemovalReason, or "ban"), and their note; null otherwise. */
  removal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  removal_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** The text before its author's last edit, for the moderators; null if never edited. */
  previous_body: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One moderation decision: who (the moderator's address), what, when, why. */
export interface ModerationLogTable {
  id: string;
  /** The comment decided on; null for a decision about a reader (a ban, a lifted ban). */
  comment_id: string | null;
  /** The reader the decision was about (the comment's author, or the banned reader). */
  subject_id: string | null;
  moderator: string;
  action: string;
  reason: string | null;
  note: string | null;
  created_at: string;
}

export type QueuedMailStatus = "pending" | "claimed" | "sent" | "failed";

/** A message that must go once and not be lost (lib/mail/queue.ts). */
export interface MailQueueTable {
  id: string;
  /** What it is ("decision", "moderator-alert", …): an alert's text is made when it goes. */
  kind: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers, as JSON, or null. */
  headers: string | null;
  status: QueuedMailStatus;
  /** Not sent before this moment (ISO-8601): an alert waits for the end of its window. */
  not_before: string;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

/** A moderator's last alert, and the one waiting to go (at most one at a time). */
export interface ModeratorAlertTable {
  moderator: string;
  last_sent_at: string | null;
  pending_id: string | null;
}

export type NoticeStatus = "open" | "removed" | "kept";

/** A notice of illegal content about a comment, and the moderators' decision on it. */
export interface ContentNoticeTable {
  id: string;
  comment_id: string;
  /** Which law the sender says the comment breaks, and why, in their words. */
  law: string;
  explanation: string;
  sender_name: string;
  /** Where the receipt and the decision go. */
  sender_email: string;
  /** The sender's account, when they were signed in. */
  sender_id: string | null;
  status: NoticeStatus;
  created_at: string;
  decided_at: string | null;
  /** The moderator's address. */
  decided_by: string | null;
  decision_note: string | null;
}

/** A reader following a piece's discussion (a digest of new comments, at most daily). */
export interface DiscussionFollowTable {
  user_id: string;
  article_slug: string;
  created_at: string;
  /** The cutoff of the last digest; null before the first (the follow's start counts). */
  last_sent_at: string | null;
}

export interface CommentReportTable {
  comment_id: string;
  reporter_id: string;
  reason: string;
  created_at: string;
}

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

/**
 * A newsletter subscriber. Once unsubscribed, only the hash of the address is kept (to
 * honour the choice), never the address itself.
 */
export interface SubscriberTable {
  id: string;
  email: string | null;
  email_hash: string;
  status: SubscriberStatus;
  /** "form" (double opt-in) or "account" (an address the sign-in already verified). */
  source: string;
  /** SHA-256 of the confirmation link's token; the token itself is never stored. */
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  confirm_sent_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
  /** 1: every piece; 0: only pieces on the topics and by the authors in subscriber_follows. */
  follows_everything: ColumnType<number, number | undefined, number>;
}

/** A topic or an author a subscriber follows, when they do not follow everything. */
export interface SubscriberFollowTable {
  subscriber_id: string;
  kind: "topic" | "author";
  slug: string;
}

/** A signup from the form, waiting for the sender to mail its confirmation. */
export interface NewsletterSignupTable {
  id: string;
  email: string;
  requested_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  /** Not before: a confirmation the mail server refused is tried again later. */
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  error: string | null;
  /** The signup's choice, as JSON (a Follows), or null for everything. */
  follows: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NewsletterSendTable {
  id: string;
  article_slug: string;
  subject: string;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

export type DeliveryStatus = "pending" | "claimed" | "sent" | "failed" | "skipped";

/** One subscriber's copy of one send: the unit the sender claims, sends and records. */
export interface NewsletterDeliveryTable {
  send_id: string;
  subscriber_id: string;
  status: DeliveryStatus;
  /** How many times a sender has claimed it: a delivery that keeps failing is given up. */
  attempts: ColumnType<number, number | undefined, number>;
  claimed_by: string | null;
  claimed_until: string | null;
  sent_at: string | null;
  error: string | null;
}

export interface Database {
  User: UserTable;
  Account: AccountTable;
  Session: SessionTable;
  VerificationToken: VerificationTokenTable;
  comments: CommentTable;
  comment_reports: CommentReportTable;
  moderation_log: ModerationLogTable;
  mail_queue: MailQueueTable;
  moderator_alerts: ModeratorAlertTable;
  content_notices: ContentNoticeTable;
  discussion_follows: DiscussionFollowTable;
  subscribers: SubscriberTable;
  subscriber_follows: SubscriberFollowTable;
  newsletter_signups: NewsletterSignupTable;
  newsletter_sends: NewsletterSendTable;
  newsletter_deliveries: NewsletterDeliveryTable;
}
