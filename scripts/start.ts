// npm start — the whole app on one machine: the eCom simulator, then the database (migrate; on the
// first run seed demo data through the simulator), a build if the sources changed, then the app on
// http://localhost:3000. Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from "node:child_process";
import { prepareDatabase } from "@/lib/seed/prepare";
import { env } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";

const log = (line: string) => console.log(`[merchant-ops] ${line}`);
const e = env();
const children: ChildProcess[] = [];
let stopping = false;

function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

function start(name: string, args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) log(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
    stop("SIGTERM");
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null))
      process.exit(stopping && !code ? 0 : (code ?? 1));
  });
  return child;
}

async function waitFor(url: string, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (stopping) process.exit(0);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

const simulatorUrl = `http://127.0.0.1:${e.simulatorPort}`;
if (e.database.driver === "pglite" || e.demoMode) {
  start("simulator", ["--import", "tsx", "simulator/main.ts"]);
  await waitFor(`${simulatorUrl}/_sim/health`, 15);
}
log(
  e.database.driver === "pg" ? "database: PostgreSQL (DATABASE_URL)" : `database: embedded PGlite in ${e.database.dir}`,
);
// Migrate and seed here, before the server opens the database: PGlite allows one owner at a time.
await prepareDatabase(e, log, { simulatorUrl });
buildIfNeeded(log);
start("app", ["node_modules/next/dist/bin/next", "start", "-p", String(e.port)], { NODE_ENV: "production" });
log(`serving on http://localhost:${e.port}${e.demoMode ? " (demo mode: sign-in details on the login page)" : ""}`);
