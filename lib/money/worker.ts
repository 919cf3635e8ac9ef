// Starts the capture queue's batch worker inside the app server (instrumentation.ts), once per
// process, beside the reconciler and with the same switch. A new batch kicks it so work starts at
// once; otherwise it looks for due items every couple of seconds (one indexed query when idle).
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ecomClientFor } from "@/lib/payments/sync/vipps";
import { startBatchWorker } from "./batch";

const IDLE_INTERVAL_MS = 2_000;
const g = globalThis as unknown as { __merchantOpsBatchWorker?: ReturnType<typeof startBatchWorker> };

export function startAppBatchWorker(): void {
  const { reconciler, moneyWorker, money } = env();
  if (!reconciler.enabled || g.__merchantOpsBatchWorker) return;
  g.__merchantOpsBatchWorker = startBatchWorker(
    async () => ({
      db: await db(),
      clientFor: ecomClientFor,
      concurrency: moneyWorker.concurrency,
      stalePendingMs: money.stalePendingMs,
    }),
    IDLE_INTERVAL_MS,
  );
}

/** Work on new items now rather than at the next tick. */
export function kickBatchWorker(): void {
  g.__merchantOpsBatchWorker?.kick();
}
