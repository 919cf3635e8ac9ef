// ESLint: Next.js' rules (core web vitals + TypeScript), Prettier owns formatting.
// `npm run lint` runs it with zero warnings allowed; `npm test` and CI run it first.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  globalIgnores([".next/**", ".data/**", "generated/**", "node_modules/**", "next-env.d.ts", "test-results/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use { Link } from @/components/ui/link: the app's links do not prefetch (see there why).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Scripts, the simulator, tests and benchmarks talk to a terminal.
    files: ["scripts/**", "simulator/**", "tests/**", "e2e/**"],
    rules: { "no-console": "off" },
  },
]);
