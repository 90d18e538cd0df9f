import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // A <Link> prefetches every link scrolled past unless told otherwise: each says how.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            'JSXOpeningElement[name.name="Link"]:not(:has(JSXAttribute[name.name="prefetch"]))',
          message:
            "Say how this link prefetches: prefetch={false}, or IntentLink (components/site/intent-link.tsx) to prefetch when the reader points at it.",
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".tmp/**",
    "data/**",
    "out/**",
    "build/**",
    "playwright-report/**",
    "test-results/**",
    "next-env.d.ts",
    // A copy of the shared advisory check, kept as it is.
    "scripts/security-floors.mjs",
  ]),
]);
