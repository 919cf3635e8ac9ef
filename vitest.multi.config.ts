// The multi-instance tests (tests/multi-instance/*.multi.ts): they start the *built* app several
// times with `next start`, so scripts/test.ts runs them after the build, one file at a time, apart
// from the unit and integration files (vitest.config.ts), which need no build.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/multi-instance/**/*.multi.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
