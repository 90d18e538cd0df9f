import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { siteAdapter } from "@/lib/auth/adapter";
import {
  deleteUser,
  endAllSessions,
  purgeExpiredSignInLinks,
  renameUser,
} from "@/lib/auth/mutations";
import {
  countSessions,
  getAccount,
  hashSignInToken,
  readerCounts,
  signInLinkState,
} from "@/lib/auth/queries";
import { ENGINES, type TestDatabase } from "../support/databases";

const SECRET = "unit-test-secret-that-is-long-enough-0123";
const hour = 60 * 60 * 1000;

for (const { engine, enabled, fresh } of ENGINES) {
  describe.skipIf(!enabled)(`accounts on ${engine}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await fresh();
    });
    afterEach(async () => {
      await database.drop();
    });

    it("creates a user with a display name from the address, never the address itself", async () => {
      const adapter = siteAdapter(database.db);
      const user = await adapter.createUser!({
        id: "ignored",
        email: "ada@example.com",
        emailVerified: new Date(),
        name: null,
        image: "https://avatars.example/ada.png",
      });
      const stored = await adapter.getUserByEmail!("ada@example.com");
      expect(stored).toMatchObject({
        id: user.id,
        name: "ada",
        email: "ada@example.com",
        image: null,
      });
      expect(stored?.emailVerified).toBeInstanceOf(Date);
    });

    it("keeps who a linked account is, not the provider's tokens", async () => {
      const adapter = siteAdapter(database.db);
      const user = await adapter.createUser!({
        id: "x",
        email: "olive@example.com",
        emailVerified: null,
        name: "Olive \u202eReader",
      });
      expect(user.name).toBe("Olive Reader");
      await adapter.linkAccount!({
        userId: user.id,
        type: "oidc",
        provider: "oidc",
        providerAccountId: "sub-1",
        access_token: "secret-access",
        id_token: "secret-id",
        refresh_token: "secret-refresh",
      });
      const rows = await database.db.selectFrom("Account").selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ access_token: null, id_token: null, refresh_token: null });
      expect(
        await adapter.getUserByAccount!({ provider: "oidc", providerAccountId: "sub-1" }),
      ).toMatchObject({
        id: user.id,
      });
      expect((await getAccount(database.db, user.id))?.providers).toEqual(["email", "oidc"]);
    });

    it("stores sessions, finds them with their user, and ends them all at once", async () => {
      const adapter = siteAdapter(database.db);
      const user = await adapter.createUser!({
        id: "x",
        email: "s@example.com",
        emailVerified: null,
      });
      const expires = new Date(Date.now() + hour);
      await adapter.createSession!({ sessionToken: "one", userId: user.id, expires });
      await adapter.createSession!({ sessionToken: "two", userId: user.id, expires });
      const found = await adapter.getSessionAndUser!("one");
      expect(found?.user.email).toBe("s@example.com");
      expect(found?.session.expires.getTime()).toBe(expires.getTime());
      await adapter.updateSession!({
        sessionToken: "one",
        expires: new Date(expires.getTime() + hour),
      });
      expect(await countSessions(database.db, user.id)).toBe(2);
      expect(await readerCounts(database.db)).toEqual({ readers: 1, signedInNow: 1 });
      await endAllSessions(database.db, user.id);
      expect(await adapter.getSessionAndUser!("one")).toBeNull();
      expect(await countSessions(database.db, user.id)).toBe(0);
    });

    it("uses a sign-in token once, and tells valid, expired and unknown links apart without spending them", async () => {
      const adapter = siteAdapter(database.db);
      const link = { email: "t@example.com", token: "f".repeat(64) };
      await adapter.createVerificationToken!({
        identifier: link.email,
        token: hashSignInToken(link.token, SECRET),
        expires: new Date(Date.now() + hour),
      });
      expect(await signInLinkState(database.db, link, SECRET)).toBe("valid");
      expect(await signInLinkState(database.db, link, SECRET)).toBe("valid");
      expect(await signInLinkState(database.db, { ...link, token: "e".repeat(64) }, SECRET)).toBe(
        "unknown",
      );
      expect(
        await signInLinkState(database.db, { ...link, email: "other@example.com" }, SECRET),
      ).toBe("unknown");

      const used = await adapter.useVerificationToken!({
        identifier: link.email,
        token: hashSignInToken(link.token, SECRET),
      });
      expect(used?.identifier).toBe(link.email);
      expect(
        await adapter.useVerificationToken!({
          identifier: link.email,
          token: hashSignInToken(link.token, SECRET),
        }),
      ).toBeNull();
      expect(await signInLinkState(database.db, link, SECRET)).toBe("unknown");
    });

    it("says a link has expired, and forgets expired links", async () => {
      const adapter = siteAdapter(database.db);
      const old = { email: "old@example.com", token: "a".repeat(64) };
      const fresh = { email: "new@example.com", token: "b".repeat(64) };
      await adapter.createVerificationToken!({
        identifier: old.email,
        token: hashSignInToken(old.token, SECRET),
        expires: new Date(Date.now() - 1000),
      });
      await adapter.createVerificationToken!({
        identifier: fresh.email,
        token: hashSignInToken(fresh.token, SECRET),
        expires: new Date(Date.now() + hour),
      });
      expect(await signInLinkState(database.db, old, SECRET)).toBe("expired");
      await purgeExpiredSignInLinks(database.db);
      expect(await signInLinkState(database.db, old, SECRET)).toBe("unknown");
      expect(await signInLinkState(database.db, fresh, SECRET)).toBe("valid");
    });

    it("renames a user, and deletes one with their sessions, accounts and pending links", async () => {
      const adapter = siteAdapter(database.db);
      const user = await adapter.createUser!({
        id: "x",
        email: "gone@example.com",
        emailVerified: null,
      });
      const other = await adapter.createUser!({
        id: "y",
        email: "stays@example.com",
        emailVerified: null,
      });
      await renameUser(database.db, user.id, "Gone Soon");
      expect((await getAccount(database.db, user.id))?.name).toBe("Gone Soon");
      await adapter.linkAccount!({
        userId: user.id,
        type: "oidc",
        provider: "oidc",
        providerAccountId: "g",
      });
      await adapter.createSession!({
        sessionToken: "s1",
        userId: user.id,
        expires: new Date(Date.now() + hour),
      });
      await adapter.createSession!({
        sessionToken: "s2",
        userId: other.id,
        expires: new Date(Date.now() + hour),
      });
      await adapter.createVerificationToken!({
        identifier: user.email,
        token: "hash",
        expires: new Date(Date.now() + hour),
      });

      await deleteUser(database.db, user.id);
      expect(await getAccount(database.db, user.id)).toBeNull();
      expect(await database.db.selectFrom("Account").selectAll().execute()).toEqual([]);
      expect(await database.db.selectFrom("VerificationToken").selectAll().execute()).toEqual([]);
      expect(await countSessions(database.db, other.id)).toBe(1);
      expect((await getAccount(database.db, other.id))?.email).toBe("stays@example.com");
    });
  });
}
