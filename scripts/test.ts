// npm test — every suite: vitest (unit + integration on PGlite, and PostgreSQL when reachable),
// then the Playwright journeys in real Chromium against the built app, then two instances of the
// built app on one PostgreSQL (tests/multi-instance). Ends with one line "N passed, N failed"
// totalling all suites.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { openDirect } from "@/lib/db/direct";
import { prepareDatabase } from "@/lib/seed/prepare";
import { parseEnv } from "@/lib/env";
import { startSimulator, type Simulator } from "@/simulator/server";
import { buildIfNeeded } from "./build-if-needed";

const RESULTS = ".data/test-results";
const E2E_DATA = ".data/e2e";
/** Must match playwright.config.ts (the app under test reaches the simulator here). */
const E2E_SIMULATOR_PORT = 3201;
const e2eOnly = process.argv.includes("--e2e-only");
// `npm run test:e2e -- e2e/finance.spec.ts`: only those journeys (anything else is passed to Playwright).
const playwrightArgs = process.argv.slice(2).filter((a) => a !== "--e2e-only");
const log = (line: string) => console.log(`[test] ${line}`);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Runs a command to its end without blocking this process (the e2e simulator lives here). */
function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

async function ensureChromium(): Promise<boolean> {
  if (existsSync(chromium)) return true;
  const canApt = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canApt) {
    console.error(
      `[test] No Chromium at ${chromium}. Install it, then run npm test again:\n` +
        "  Debian/Ubuntu: sudo apt-get install -y chromium\n" +
        "  Other systems: install Chromium or Chrome and set CHROMIUM_PATH to its executable.",
    );
    return false;
  }
  log("installing Debian's chromium package (about 40 s) …");
  return (
    (await run("bash", [
      "-c",
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null",
    ])) === 0 && existsSync(chromium)
  );
}

async function prepareE2e(): Promise<Simulator> {
  rmSync(E2E_DATA, { recursive: true, force: true });
  const simulator = await startSimulator({
    port: E2E_SIMULATOR_PORT,
    stateFile: path.join(E2E_DATA, "simulator.json"),
  });
  const e = parseEnv({ DATA_DIR: E2E_DATA, DEMO_MODE: "true", DEMO_PAYMENTS: "300", PORT: "3200" });
  await prepareDatabase(e, (line) => log(`e2e ${line}`), { simulatorUrl: simulator.url });
  // Users only one journey each uses (the lockout; two-factor sign-in), so what those journeys do to
  // them disturbs nothing else.
  const handle = await openDirect(e.database);
  try {
    const passwordHash = await hashPassword("right-password-e2e");
    await handle.prisma.user.createMany({
      data: [
        { email: "lockout@e2e.test", name: "Lockout Test", role: "support", passwordHash },
        { email: "two-factor@e2e.test", name: "Tofaktor Test", role: "support", passwordHash },
      ],
    });
  } finally {
    await handle.close();
  }
  return simulator;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** "file › test: first line of the error" for each failed test in a vitest JSON report. */
function failedVitest(file: string): string[] {
  const r = readJson(path.join(RESULTS, file)) as {
    testResults?: {
      name: string;
      message?: string;
      status: string;
      assertionResults: { fullName: string; status: string; failureMessages: string[] | null }[];
    }[];
  } | null;
  const out: string[] = [];
  for (const f of r?.testResults ?? []) {
    const name = path.relative(process.cwd(), f.name);
    const failedTests = f.assertionResults.filter((a) => a.status === "failed");
    for (const a of failedTests) out.push(`${name} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    // A file that failed without a failed test (a hook, an import): its own message.
    if (f.status === "failed" && failedTests.length === 0) out.push(`${name}: ${firstLine(f.message)}`);
  }
  return out;
}

type PwSuite = {
  title: string;
  file?: string;
  suites?: PwSuite[];
  specs?: { title: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};

function failedPlaywright(): string[] {
  const r = readJson(path.join(RESULTS, "playwright.json")) as { suites?: PwSuite[] } | null;
  const out: string[] = [];
  const walk = (s: PwSuite, file: string) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests)
        if (t.status === "unexpected")
          out.push(`${file}:${spec.line} › ${spec.title}: ${firstLine(t.results.at(-1)?.error?.message)}`);
    for (const c of s.suites ?? []) walk(c, c.file ?? file);
  };
  for (const s of r?.suites ?? []) walk(s, s.file ?? s.title);
  return out;
}

const firstLine = (m: string | undefined) =>
  (m ?? "")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .trim()
    .split("\n")[0]!
    .slice(0, 300);

mkdirSync(RESULTS, { recursive: true });
let passed = 0;
let failed = 0;
let exitCode = 0;

if (!e2eOnly) {
  // Lint and format first: zero warnings, or the run fails (counted as one check).
  log("lint: eslint (zero warnings) and prettier --check");
  const lint = await run("npm", ["run", "-s", "lint"]);
  if (lint === 0) passed += 1;
  else {
    failed += 1;
    exitCode = 1;
  }

  rmSync(path.join(RESULTS, "vitest.json"), { force: true });
  const code = await run(process.execPath, [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${RESULTS}/vitest.json`,
  ]);
  const v = readJson(path.join(RESULTS, "vitest.json")) as { numPassedTests?: number; numFailedTests?: number } | null;
  passed += v?.numPassedTests ?? 0;
  failed += v?.numFailedTests ?? (code === 0 ? 0 : 1);
  if (code !== 0) exitCode = 1;
}

if (!(await ensureChromium())) {
  failed += 1;
  exitCode = 1;
} else {
  buildIfNeeded(log);
  const simulator = await prepareE2e();
  rmSync(path.join(RESULTS, "playwright.json"), { force: true });
  const code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...playwrightArgs]);
  await simulator.close();
  const p = readJson(path.join(RESULTS, "playwright.json")) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number };
  } | null;
  passed += (p?.stats?.expected ?? 0) + (p?.stats?.flaky ?? 0);
  failed += p?.stats?.unexpected ?? (code === 0 ? 0 : 1);
  if (code !== 0) exitCode = 1;
}

if (!e2eOnly) {
  // Two `next start` instances of the build on one PostgreSQL (tests/multi-instance): after the
  // build and on their own, so nothing else competes with the processes they start and kill.
  buildIfNeeded(log);
  log("multi-instance: two next start instances on one PostgreSQL (vitest.multi.config.ts)");
  rmSync(path.join(RESULTS, "multi-instance.json"), { force: true });
  const code = await run(process.execPath, [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--config",
    "vitest.multi.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${RESULTS}/multi-instance.json`,
  ]);
  const m = readJson(path.join(RESULTS, "multi-instance.json")) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
  } | null;
  passed += m?.numPassedTests ?? 0;
  failed += Math.max(m?.numFailedTests ?? 0, code === 0 ? 0 : 1);
  if (m?.numPendingTests && !m.numFailedTests)
    log(
      `multi-instance: ${m.numPendingTests} SKIPPED, no PostgreSQL reachable (REQUIRE_POSTGRES=1 makes that a failure)`,
    );
  if (code !== 0) exitCode = 1;
}

// The failures again, last: CI shows the end of the output, and the suites' own reports scroll away.
const failures = e2eOnly
  ? failedPlaywright()
  : [...failedVitest("vitest.json"), ...failedPlaywright(), ...failedVitest("multi-instance.json")];
if (failures.length > 0) {
  log(`failed (${failures.length}):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
