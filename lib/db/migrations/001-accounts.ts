import type { Kysely, Migration } from "kysely";
import { columnTypes } from "../dialect";

/** Users, their linked sign-in methods, sessions and sign-in link tokens, for Auth.js. */
export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    const { authTimestamp } = columnTypes(db);
    await db.schema
      .createTable("User")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("name", "text")
      .addColumn("email", "text", (column) => column.notNull().unique())
      .addColumn("emailVerified", authTimestamp)
      .addColumn("image", "text")
      .execute();

    await db.schema
      .createTable("Account")
      .addColumn("userId", "text", (column) =>
        column.notNull().references("User.id").onDelete("cascade"),
      )
      .addColumn("type", "text", (column) => column.notNull())
      .addColumn("provider", "text", (column) => column.notNull())
      .addColumn("providerAccountId", "text", (column) => column.notNull())
      .addColumn("refresh_token", "text")
      .addColumn("access_token", "text")
      .addColumn("expires_at", "bigint")
      .addColumn("token_type", "text")
      .addColumn("scope", "text")
      .addColumn("id_token", "text")
      .addColumn("session_state", "text")
      .addPrimaryKeyConstraint("Account_pkey", ["provider", "providerAccountId"])
      .execute();
    await db.schema.createIndex("Account_userId_idx").on("Account").column("userId").execute();

    await db.schema
      .createTable("Session")
      .addColumn("sessionToken", "text", (column) => column.primaryKey())
      .addColumn("userId", "text", (column) =>
        column.notNull().references("User.id").onDelete("cascade"),
      )
      .addColumn("expires", authTimestamp, (column) => column.notNull())
      .execute();
    await db.schema.createIndex("Session_userId_idx").on("Session").column("userId").execute();

    await db.schema
      .createTable("VerificationToken")
      .addColumn("identifier", "text", (column) => column.notNull())
      .addColumn("token", "text", (column) => column.notNull())
      .addColumn("expires", authTimestamp, (column) => column.notNull())
      .addPrimaryKeyConstraint("VerificationToken_pkey", ["identifier", "token"])
      .execute();
  },
};
