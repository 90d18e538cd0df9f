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
 * Auth.js's session cookie, by its two names (the second when SITE_URL is https). A request
 * that carries it is rewritten to the same page under app/(reader)/signed-in, rendered for
 * that reader; every other request is answered from the prerendered pages.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC_PAGES = ["/", "/analysis/:slug", "/topics", "/topics/:topic"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@vercel/og", "better-sqlite3", "pg"],
  async redirects() {
    return [
      // A reader who trims an article's address to /analysis gets the list of analyses.
      { source: "/analysis", destination: "/", permanent: false },
      // The per-reader pages are reached by the rewrite below, never by their own address.
      { source: "/signed-in", destination: "/", permanent: false },
      { source: "/signed-in/:path*", destination: "/:path*", permanent: false },
    ];
  },
  async rewrites() {
    return {
      beforeFiles: PUBLIC_PAGES.flatMap((source) =>
        SESSION_COOKIES.map((key) => ({
          source,
          has: [{ type: "cookie", key }],
          destination: source === "/" ? "/signed-in" : `/signed-in${source}`,
        })),
      ),
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
