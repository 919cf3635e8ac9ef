import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code: the marker that keeps server modules out of the browser is a no-op here.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration files each open their own databases; two at a time suits a 2-core machine.
    maxWorkers: 2,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // letting Vite process it resolves the import (server actions import auth.ts).
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
