// Runs once when a Next.js server starts. The reconciler, the capture queue's worker and the API log's
// pruner live in the Node.js server process: never in the Edge runtime, and never during `next build`
// (env.ts turns them off in the build phase). NEXT_RUNTIME is read here directly because Next.js
// inlines it per runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppReconciler } = await import("./lib/payments/reconciler/start");
  startAppReconciler();
  const { startAppBatchWorker } = await import("./lib/money/worker");
  startAppBatchWorker();
  const { startAppApiLogPruner } = await import("./lib/api-log/prune-start");
  startAppApiLogPruner();
  const { startAppSpikeDetector } = await import("./lib/spikes/start");
  startAppSpikeDetector();
}
