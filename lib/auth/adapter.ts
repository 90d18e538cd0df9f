import "server-only";
import { KyselyAdapter, type Database as AdapterDatabase } from "@auth/kysely-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db/schema";
import { defaultDisplayName } from "./display-name";

/**
 * Auth.js's Kysely adapter over the site's own database, with two changes: a new account
 * gets a display name that is safe to show (never the address), and a linked OAuth or
 * OpenID Connect account keeps only who it is, not the provider's tokens, which the site
 * never uses.
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
  };
}
