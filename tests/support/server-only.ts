// Stands in for the "server-only" guard, which throws outside Next.js's server bundles.
export {};
