// npm start — the whole app on one machine: prepare the database (migrate, seed demo data on first
// run), build if the sources changed, then serve on http://localhost:3000. Ctrl-C stops it all.
import { spawn } from "node:child_process";
import { prepareDatabase } from "@/lib/db/prepare";
import { env } from "@/lib/env";
import { buildIfNeeded } from "./build-if-needed";

const log = (line: string) => console.log(`[merchant-ops] ${line}`);
const e = env();
log(e.database.driver === "pg" ? "database: PostgreSQL (DATABASE_URL)" : `database: embedded PGlite in ${e.database.dir}`);

// Migrate and seed here, before the server opens the database: PGlite allows one owner at a time.
await prepareDatabase(e, log);
buildIfNeeded(log);

const children = [
  spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(e.port)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  }),
];
log(`serving on http://localhost:${e.port}${e.demoMode ? " (demo mode: sign-in details on the login page)" : ""}`);

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
for (const child of children) {
  child.on("exit", (code) => {
    stop("SIGTERM");
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(stopping ? 0 : (code ?? 1));
  });
}
