// Starts the spike detector inside the app server (instrumentation.ts), once per process, with the
// settings from lib/env.ts (off during `next build` and with SPIKES_ENABLED=false). Every instance
// runs it; the database settles who opens an alert and who posts the webhook (detect.ts, notify.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { secrets } from "@/lib/secrets";
import { startSpikeLoop, type SpikeLoop } from "./loop";

const g = globalThis as unknown as { __merchantOpsSpikes?: SpikeLoop };

export function startAppSpikeDetector(): void {
  const { spikes, appUrl } = env();
  if (!spikes.enabled || g.__merchantOpsSpikes) return;
  g.__merchantOpsSpikes = startSpikeLoop(
    async () => ({ db: await db(), encryptionKey: secrets().encryptionKey, appUrl }),
    spikes.intervalMs,
  );
}
