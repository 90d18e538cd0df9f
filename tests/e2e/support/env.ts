/**
 * The fixed loopback addresses of what the browser tests start (see playwright.config.ts):
 * the site's production build, a real SMTP server that keeps what it receives, and an
 * OpenID Connect provider.
 */
export const APP_PORT = 3100;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const MAIL_HTTP_PORT = 3101;
export const MAIL_URL = `http://127.0.0.1:${MAIL_HTTP_PORT}`;
export const SMTP_PORT = 3102;
export const OIDC_PORT = 3103;
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
export const OIDC_NAME = "Ledger ID";
export const MODERATOR_EMAIL = "moderator@example.com";
/** The e2e server's AUTH_SECRET: known to the tests, so that they can forge and check tokens. */
export const AUTH_SECRET = "e2e-secret-that-is-long-enough-for-auth-js-0123456789";
export const E2E_DATA_DIR = ".tmp/e2e";
/**
 * The tests' production build, in a folder of its own (NEXT_DIST_DIR), so that `npm test`
 * never overwrites the .next a reader built with their own SITE_URL and runs with `npm start`.
 */
export const E2E_BUILD_DIR = ".tmp/e2e-build";
export const E2E_DATABASE = `${E2E_DATA_DIR}/site.db`;
export const FLAGSHIP = "/analysis/the-end-of-the-blank-check";
