// Journeys in real Chromium (Debian's /usr/bin/chromium; no browser download) against the built app
// under `next start`, on its own embedded database prepared by scripts/test.ts (E2E_DATA_DIR).
import { defineConfig } from "@playwright/test";

const PORT = 3200;
const DATA_DIR = ".data/e2e";

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    headless: true,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The simulator is started by scripts/test.ts on 3201, beside the prepared database.
    // Spike detection every 5 s instead of every minute, so a journey sees a spike open promptly.
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR,
      DEMO_MODE: "true",
      PORT: String(PORT),
      SIMULATOR_PORT: "3201",
      SPIKES_INTERVAL_MS: "5000",
    },
  },
});
