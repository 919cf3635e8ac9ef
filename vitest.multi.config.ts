// The multi-instance tests (tests/multi-instance/*.multi.ts): they start the *built* app several
// times with `next start`, so scripts/test.ts runs them after the build, one file at a time, apart
// from the unit and integration files (vitest.config.ts, whose aliases and settings they share).
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/multi-instance/**/*.multi.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
