import "server-only";
import { KyselyAdapter, type Database as AdapterDatabase } from "@auth/kysely-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Kysely } from "kysely";
import { authTime } from "@/lib/db/dialect";
import type { Database } from "@/lib/db/schema";
import { defaultDisplayName } from "./display-name";

/**
 * Auth.js's Kysely adapter over the site's own database, with three changes: a new account
 * gets a display name that is safe to show (never the address); a linked OAuth or OpenID
 * Connect account keeps only who it is, not the provider's tokens, which the site never
 * uses; and a sign-in token is stored by the e-mail provider before its mail is sent
 * (config.ts), so the adapter's own insert, which Auth.js runs beside the send, finds it
 * there and leaves it.
 */
export function siteAdapter(db: Kysely<Database>): Adapter {
  // The site's tables are a superset of the adapter's: same names, same columns.
  const base = KyselyAdapter(db as unknown as Kysely<AdapterDatabase>);
  return {
    ...base,
    createUser: (user) =>
      base.createUser!({ ...user, name: defaultDisplayName(user.name, user.email), image: null }),
    linkAccount: ({ userId, type, provider, providerAccountId }) =>
      base.linkAccount!({ userId, type, provider, providerAccountId }),
    createVerificationToken: async (token) => {
      await db
        .insertInto("VerificationToken")
        .values({ ...token, expires: authTime(db, token.expires) })
        .onConflict((conflict) => conflict.columns(["identifier", "token"]).doNothing())
        .execute();
      return token;
    },
  };
}
