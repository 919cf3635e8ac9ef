// The spike detector's loop: a round (detect, then notify) every interval, the next one scheduled
// only when the last has finished, so a slow database or webhook (5 s at most) delays rounds but
// never piles them up. One failing round is logged and the loop goes on.
import "server-only";
import { detectSpikes } from "./detect";
import { notifySpikes, type NotifyDeps } from "./notify";

export async function runSpikeRound(deps: NotifyDeps) {
  const detected = await detectSpikes(deps.db, deps.now);
  const notified = await notifySpikes(deps);
  return { ...detected, ...notified };
}

export interface SpikeLoop {
  stop(): Promise<void>;
}

export function startSpikeLoop(
  deps: () => Promise<NotifyDeps>,
  intervalMs: number,
  log: (line: string) => void = console.warn,
): SpikeLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      await runSpikeRound(await deps());
    } catch (err) {
      // The message only: a Prisma error can quote its query, never the webhook URL (not in SQL).
      log(`[spikes] round failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = round().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
