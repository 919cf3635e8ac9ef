// Builds the app when the sources changed since the last build (content hash), else skips.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "auth.ts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "tailwind.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = path.join(".next", ".source-hash");

function* files(p: string): Generator<string> {
  if (!existsSync(p)) return;
  if (statSync(p).isFile()) {
    yield p;
    return;
  }
  for (const entry of readdirSync(p).sort()) yield* files(path.join(p, entry));
}

export function sourceHash(): string {
  const h = createHash("sha256");
  for (const input of INPUTS)
    for (const f of files(input)) h.update(f).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function buildIfNeeded(log: (line: string) => void = console.log): void {
  const hash = sourceHash();
  if (existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) {
    log("build: up to date");
    return;
  }
  log("build: building the app (about 30 s) …");
  const started = Date.now();
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  writeFileSync(STAMP, hash);
  log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded();
