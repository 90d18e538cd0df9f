"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { formAction } from "@/lib/forms/action";
import { emailAddressField } from "@/lib/mail/address";
import { clientAddress, consume, waitPhrase } from "@/lib/rate-limit";
import { externalProviders } from "./config";
import { continuePath } from "./provider-redirect";
import { endAllSessions, purgeExpiredSignInLinks } from "./mutations";
import { safeReturnPath } from "@/lib/http/return-to";

const returnTo = z
  .string()
  .optional()
  .transform((value) => safeReturnPath(value, getConfig().siteUrl));

const SIGN_IN_ERRORS: Record<string, string> = {
  AccessDenied: "This account cannot sign in.",
};

/**
 * Sends a sign-in link. The answer is the same whether or not the address has an account;
 * the limits apply per address and per client, before any token is stored or mail sent.
 */
export const requestSignInLink = formAction(
  { access: "anyone", schema: z.object({ email: emailAddressField, callbackUrl: returnTo }) },
  async ({ email, callbackUrl }) => {
    for (const [limit, key] of [
      ["signInLinkPerClient", await clientAddress()],
      ["signInLinkPerAddress", email],
    ] as const) {
      const result = await consume(limit, key);
      if (!result.ok) {
        return {
          ok: false,
          message: `Too many sign-in links have been requested. Try again in ${waitPhrase(result.retryAfterSeconds)}.`,
        };
      }
    }
    await purgeExpiredSignInLinks(await getDb());
    const next: string = await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
    const error = new URL(next, getConfig().siteUrl).searchParams.get("error");
    if (error) {
      return {
        ok: false,
        message:
          SIGN_IN_ERRORS[error] ??
          "We could not send the sign-in link just now. Please try again in a few minutes.",
      };
    }
    redirect("/signin/check-email");
  },
);

/** Starts sign-in with GitHub or the OpenID Connect provider, whichever is configured. */
export const signInWithProvider = formAction(
  {
    access: "anyone",
    schema: z.object({
      provider: z
        .string()
        .refine((id) => externalProviders().some((provider) => provider.id === id), {
          message: "That sign-in method is not available.",
        }),
      callbackUrl: returnTo,
    }),
  },
  async ({ provider, callbackUrl }) => {
    const authorizationUrl: string = await signIn(provider, {
      redirectTo: callbackUrl,
      redirect: false,
    });
    // A scripted submission (Next-Action header) navigates on the client; a plain form POST
    // goes through a page of the site (see provider-redirect.ts).
    const scripted = (await headers()).has("next-action");
    redirect(scripted ? authorizationUrl : continuePath(authorizationUrl));
  },
);

export const signOutOfThisDevice = formAction(
  { access: "anyone", schema: z.object({}) },
  async () => {
    await signOut({ redirectTo: "/" });
    return { ok: true, message: "Signed out." };
  },
);

export const signOutEverywhere = formAction(
  { access: "reader", schema: z.object({}) },
  async (_input, viewer) => {
    await endAllSessions(await getDb(), viewer.id);
    await signOut({ redirectTo: "/" });
    return { ok: true, message: "Signed out everywhere." };
  },
);
