import { fileURLToPath } from "node:url";

const isProduction = process.env.NODE_ENV === "production";

/**
 * A Content-Security-Policy without nonces: nonces force every page to render per request,
 * and these pages are prerendered. Next.js inlines its bootstrap scripts in static HTML, so
 * script-src allows inline script from this page only ('self', no other origin); everything
 * a reader writes is rendered as text, which is what keeps script out of their pages.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/**
 * Several instances (REDIS_URL) share the Next.js cache in Redis; one instance keeps it in
 * memory. Read at start, like every other setting of next start.
 */
const sharedCache = process.env.REDIS_URL
  ? {
      cacheHandler: fileURLToPath(new URL("./lib/cache/redis-cache-handler.mjs", import.meta.url)),
      cacheMaxMemorySize: 0,
    }
  : {};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Where the build goes: the tests and the benchmark build into folders of their own
  // (.tmp/), so that they never overwrite the build a reader runs with `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Behind a front that compresses (deploy/nginx.conf), COMPRESS=false spares each instance.
  compress: process.env.COMPRESS !== "false",
  // Hashing a 40–60 KB page for its ETag on every request was about a sixth of the CPU a
  // cached page view costs; pages change with their comments, so a 304 is rarely saved.
  generateEtags: false,
  reactStrictMode: true,
  // kysely is loaded once, not bundled into each layer: the one database of lib/db/client.ts
  // is shared by pages, actions and route handlers, and `instanceof` its classes holds.
  serverExternalPackages: ["@vercel/og", "better-sqlite3", "pg", "ioredis", "kysely"],
  ...sharedCache,
  // The same build id wherever a build runs, when BUILD_ID is given (a commit, a release).
  generateBuildId: async () => process.env.BUILD_ID || null,
  // "/" is the listing's first page, /page/1 leads back to it, and /analysis leads home: the
  // front door (lib/http/front-door.ts) answers these before Next.js, which would evaluate
  // rewrites and redirects here on every request. In development the rewrite stays as a net.
  async rewrites() {
    return isProduction ? [] : { beforeFiles: [{ source: "/", destination: "/page/1" }] };
  },
  compiler: {
    // Before the pages are prerendered: the stylesheet once less in every page's payload
    // (scripts/lib/global-error-styles.mjs, a Turbopack bug reported upstream).
    runAfterProductionCompile: async ({ distDir }) => {
      const { dropGlobalErrorStyles } = await import("./scripts/lib/global-error-styles.mjs");
      dropGlobalErrorStyles(distDir);
    },
  },
  experimental: {
    // app/global-not-found.tsx: every 404 as a page of its own, in real HTML.
    globalNotFound: true,
    // Pages rendered from the database are cached in memory only, so that a restart renders
    // them again from the database rather than serving what was on disk before it.
    isrFlushToDisk: false,
    // The stylesheet in the document's <head>, so that a phone paints the first screen from
    // the document alone, without a render-blocking request (docs/performance.md).
    inlineCss: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // An SVG figure opened on its own is a document: it may draw, and nothing else.
      {
        source: "/media/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
