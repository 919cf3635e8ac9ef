// Starts the API log's pruner inside the app server (instrumentation.ts), once per process, like the
// reconciler: never during `next build`. Every instance runs it; SKIP LOCKED lets them share the work.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { describePrune, pruneApiLog } from "./prune";

/** The first run comes a little after start-up, out of the way of the first requests; then hourly. */
const FIRST_RUN_MS = 60_000;
const INTERVAL_MS = 3_600_000;

export interface PrunerLoop {
  /** Runs now unless a run is under way; resolves when that run ends. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startPruner(
  getDb: () => Promise<Pick<PrismaClient, "$executeRaw">>,
  o: { retentionDays: number; intervalMs: number; firstRunMs?: number; log?: (line: string) => void },
): PrunerLoop {
  const log = o.log ?? console.info;
  let running: Promise<void> | undefined;
  const runNow = () =>
    (running ??= (async () => {
      const started = Date.now();
      try {
        const result = await pruneApiLog(await getDb(), { retentionDays: o.retentionDays });
        log(describePrune(result, Date.now() - started));
      } catch (err) {
        // Name and code only: a database error can quote rows.
        const code = err !== null && typeof err === "object" && "code" in err ? ` ${String(err.code)}` : "";
        log(`[api-log] pruning failed (${err instanceof Error ? err.name : typeof err}${code}); trying again next run`);
      }
    })().finally(() => (running = undefined)));
  const first = setTimeout(runNow, o.firstRunMs ?? FIRST_RUN_MS);
  const timer = setInterval(runNow, o.intervalMs);
  first.unref();
  timer.unref();
  return {
    runNow,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

const g = globalThis as unknown as { __merchantOpsApiLogPruner?: PrunerLoop };

export function startAppApiLogPruner(): void {
  const { apiLog } = env();
  if (!apiLog.pruneEnabled || g.__merchantOpsApiLogPruner) return;
  g.__merchantOpsApiLogPruner = startPruner(db, {
    retentionDays: apiLog.retentionDays,
    intervalMs: INTERVAL_MS,
  });
}
