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
  /** 1 when the reader asked to be mailed about replies to their comments. */
  notifyReplies: ColumnType<number, number | undefined, number>;
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
  body: string;
  status: CommentStatus;
  created_at: string;
  edited_at: string | null;
  moderated_at: string | null;
  /** The form's one-time key: a resubmitted form finds its comment instead of posting twice. */
  request_key: string | null;
}

export interface CommentReportTable {
  comment_id: string;
  reporter_id: string;
  reason: string;
  created_at: string;
}

export interface Database {
  User: UserTable;
  Account: AccountTable;
  Session: SessionTable;
  VerificationToken: VerificationTokenTable;
  comments: CommentTable;
  comment_reports: CommentReportTable;
}
