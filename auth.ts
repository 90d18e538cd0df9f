import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { exposeAuthUrl } from "@/lib/config";
import { buildAuthConfig } from "@/lib/auth/config";
import { guardAuthRoute, onSiteOrigin } from "@/lib/auth/route-guard";

exposeAuthUrl();

const nextAuth = NextAuth(buildAuthConfig);

export const { signIn, signOut } = nextAuth;

/**
 * Auth.js's routes, behind a guard that keeps the e-mail link safe from mail scanners and
 * forged requests, and with their redirects kept on SITE_URL's origin (see
 * lib/auth/route-guard.ts).
 */
export const handlers = {
  GET: async (request: NextRequest) =>
    guardAuthRoute(request) ?? onSiteOrigin(await nextAuth.handlers.GET(request)),
  POST: async (request: NextRequest) =>
    guardAuthRoute(request) ?? onSiteOrigin(await nextAuth.handlers.POST(request)),
};
