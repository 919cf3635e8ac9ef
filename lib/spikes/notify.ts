// The webhook for newly opened spikes. Each alert starts `pending`; one conditional UPDATE claims
// the pending ones (pending → sending), so when several app instances run at once exactly one of
// them posts, and a claim left by an instance that died is taken over after STALE_CLAIM_MS. The
// claimed spikes go out as one message; each alert keeps what happened (sent with the status,
// failed with the reason, or skipped: no webhook, switched off, or within the cooldown — a spike of
// the same key was notified less than `cooldownMinutes` ago).
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { spikeMessage, type SpikeForMessage } from "./message";
import { spikeKey } from "./rule";
import { readWebhookConfig } from "./settings";
import { postWebhook } from "./webhook";

const STALE_CLAIM_MS = 2 * 60_000;

export interface NotifyDeps {
  db: PrismaClient;
  encryptionKey: Buffer;
  /** For the link to the alert history in the message. */
  appUrl?: string;
  now?: Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface NotifyResult {
  sent: number;
  failed: number;
  skipped: number;
}

type Claimed = Omit<SpikeForMessage, "unitName"> & { id: string };

export async function notifySpikes(deps: NotifyDeps): Promise<NotifyResult> {
  const { db } = deps;
  const now = deps.now ?? new Date();
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "SpikeAlert" SET "notifyState" = 'sending', "notifiedAt" = ${now}
    WHERE "notifyState" = 'pending'
      OR ("notifyState" = 'sending' AND "notifiedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)})
    RETURNING "id", "msn", "environment"::text AS "environment", "operation", "calls", "errors", "baselineRate"`;
  const result: NotifyResult = { sent: 0, failed: 0, skipped: 0 };
  if (claimed.length === 0) return result;

  const finish = async (
    alerts: Claimed[],
    data: { notifyState: "sent" | "failed" | "skipped"; notifyReason: string | null; notifyStatus?: number | null },
  ) => {
    if (alerts.length === 0) return;
    await db.spikeAlert.updateMany({ where: { id: { in: alerts.map((a) => a.id) }, notifyState: "sending" }, data });
    result[data.notifyState] += alerts.length;
  };

  const config = await readWebhookConfig(db, deps.encryptionKey);
  if (!config.url || !config.enabled) {
    await finish(claimed, { notifyState: "skipped", notifyReason: config.url ? "disabled" : "not_configured" });
    return result;
  }

  const recent = await db.spikeAlert.findMany({
    where: {
      id: { notIn: claimed.map((a) => a.id) },
      notifyState: { in: ["sent", "sending"] },
      notifiedAt: { gte: new Date(now.getTime() - config.cooldownMinutes * 60_000) },
      OR: claimed.map((a) => ({ msn: a.msn, environment: a.environment, operation: a.operation })),
    },
    select: { msn: true, environment: true, operation: true },
  });
  const cooling = new Set(recent.map(spikeKey));
  await finish(
    claimed.filter((a) => cooling.has(spikeKey(a))),
    { notifyState: "skipped", notifyReason: "cooldown" },
  );
  const due = claimed.filter((a) => !cooling.has(spikeKey(a)));
  if (due.length === 0) return result;

  const units = await db.salesUnit.findMany({
    where: { msn: { in: [...new Set(due.map((a) => a.msn))] } },
    select: { msn: true, name: true },
  });
  const names = new Map(units.map((u) => [u.msn, u.name]));
  const message = spikeMessage(
    due.map((a) => ({ ...a, unitName: names.get(a.msn) ?? null })),
    config.locale,
    deps.appUrl,
  );
  const outcome = await postWebhook(config.url, message, { fetch: deps.fetch, timeoutMs: deps.timeoutMs });
  await finish(
    due,
    outcome.ok
      ? { notifyState: "sent", notifyStatus: outcome.status, notifyReason: null }
      : {
          notifyState: "failed",
          notifyReason: outcome.reason,
          notifyStatus: outcome.reason === "http" ? outcome.status : null,
        },
  );
  return result;
}
