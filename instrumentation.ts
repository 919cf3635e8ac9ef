// Runs once when a Next.js server starts. The reconciler and the capture queue's worker (lib/payments/reconciler.ts) lives in the
// Node.js server process: never in the Edge runtime, and never during `next build` (env.ts turns it
// off in the build phase). NEXT_RUNTIME is read here directly because Next.js inlines it per runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppReconciler } = await import("./lib/payments/reconciler/start");
  startAppReconciler();
  const { startAppBatchWorker } = await import("./lib/money/worker");
  startAppBatchWorker();
}
