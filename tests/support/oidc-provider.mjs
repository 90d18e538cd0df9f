#!/usr/bin/env node
/**
 * An OpenID Connect provider on loopback for the tests (oauth2-mock-server): discovery,
 * authorization with PKCE, signed ID tokens. It signs in whoever the browser says it is:
 * a test sets the cookie `identity` on the provider's origin to JSON {sub, email, name},
 * or to {"refuse": true} to have the provider refuse the sign-in (access_denied), as a
 * real provider's login page would.
 * Usage: OIDC_PORT=3103 node tests/support/oidc-provider.mjs
 */
import { OAuth2Server } from "oauth2-mock-server";

const port = Number(process.env.OIDC_PORT ?? 3103);
const server = new OAuth2Server();
await server.issuer.keys.generate("RS256");
server.issuer.url = `http://localhost:${port}`;

/** Who signed in, by authorization code, until the code is exchanged. */
const identities = new Map();

function identityFrom(cookieHeader) {
  const cookie = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith("identity="));
  if (!cookie) return null;
  try {
    return JSON.parse(decodeURIComponent(cookie.slice("identity=".length)));
  } catch {
    return null;
  }
}

server.service.on("beforeAuthorizeRedirect", (redirect, request) => {
  const identity = identityFrom(request.headers.cookie);
  const code = redirect.url.searchParams.get("code");
  if (!identity || identity.refuse) {
    redirect.url.searchParams.delete("code");
    redirect.url.searchParams.set("error", "access_denied");
    redirect.url.searchParams.set("error_description", "The user refused the sign-in");
    return;
  }
  if (code) identities.set(code, identity);
});

server.service.on("beforeTokenSigning", (token, request) => {
  const identity = identities.get(request.body?.code);
  if (!identity) return;
  Object.assign(token.payload, {
    sub: identity.sub,
    email: identity.email,
    email_verified: true,
    name: identity.name,
  });
});

await server.start(port, "localhost");
console.log(`OpenID Connect provider on ${server.issuer.url}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.stop().then(() => process.exit(0)));
}
