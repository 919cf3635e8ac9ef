// Starts the reconciler inside the app server (called from instrumentation.ts), once per process,
// with the settings from lib/env.ts. Nothing here opens the database before the first round.
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resolveHints } from "@/lib/ingest/payment-hints";
import { resolveOpenOperations } from "@/lib/money/engine";
import { startReconciler, type ReconcilerLoop } from "@/lib/payments/reconciler/reconciler";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

const globalForReconciler = globalThis as unknown as { __merchantOpsReconciler?: ReconcilerLoop };

export function startAppReconciler(): void {
  const { reconciler, money } = env();
  if (!reconciler.enabled || globalForReconciler.__merchantOpsReconciler) return;
  globalForReconciler.__merchantOpsReconciler = startReconciler(
    async () => ({ db: await db(), clientFor: ecomClientFor, batch: reconciler.batch }),
    reconciler.intervalMs,
    console.warn,
    [
      resolveHints,
      (d) => resolveOpenOperations({ db: d.db, clientFor: ecomClientFor, stalePendingMs: money.stalePendingMs }),
    ],
  );
}
