import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { exposeAuthUrl } from "@/lib/config";
import { buildAuthConfig } from "@/lib/auth/config";
import { guardAuthRoute } from "@/lib/auth/route-guard";

exposeAuthUrl();

const nextAuth = NextAuth(buildAuthConfig);

export const { auth, signIn, signOut } = nextAuth;

/**
 * Auth.js's routes, behind a guard that keeps the e-mail link safe from mail scanners and
 * forged requests (see lib/auth/route-guard.ts).
 */
export const handlers = {
  GET: (request: NextRequest) => guardAuthRoute(request) ?? nextAuth.handlers.GET(request),
  POST: (request: NextRequest) => guardAuthRoute(request) ?? nextAuth.handlers.POST(request),
};
