// The webhook for newly opened spikes. Each alert starts `pending`; one conditional UPDATE claims
// the pending ones that are due (pending → sending), so when several app instances run at once
// exactly one of them posts, and a claim left by an instance that died is taken over after
// STALE_CLAIM_MS. The claimed spikes go out as one message; each alert keeps what happened (sent
// with the status; skipped: no webhook, switched off, or within the cooldown — a spike of the same
// key was notified less than `cooldownMinutes` ago; or a failed try). A failed try is retried with
// backoff (RETRY_DELAYS_MS) in a later round, up to NOTIFY_TRIES posts, and goes through the same
// cooldown check again; after the last one the alert is `failed` for good. A delivered alert is
// `sent` and is never claimed again, so it is never posted twice.
import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { spikeMessage, type SpikeForMessage } from "./message";
import { RETRY_DELAYS_MS } from "./notify-policy";
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
  /** Waits between tries (tests); NOTIFY_TRIES = its length + 1. */
  retryDelaysMs?: readonly number[];
}

export interface NotifyResult {
  sent: number;
  /** Failed for good (the last try). */
  failed: number;
  /** Failed, another try to come. */
  retrying: number;
  skipped: number;
}

type Claimed = Omit<SpikeForMessage, "unitName"> & { id: string; notifyTries: number; openedAt: Date };

export async function notifySpikes(deps: NotifyDeps): Promise<NotifyResult> {
  const { db } = deps;
  const now = deps.now ?? new Date();
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "SpikeAlert" SET "notifyState" = 'sending', "notifiedAt" = ${now}
    WHERE ("notifyState" = 'pending' AND ("notifyRetryAt" IS NULL OR "notifyRetryAt" <= ${now}))
      OR ("notifyState" = 'sending' AND "notifiedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)})
    RETURNING "id", "msn", "environment"::text AS "environment", "operation", "calls", "errors", "baselineRate",
      "notifyTries", "openedAt"`;
  const result: NotifyResult = { sent: 0, failed: 0, retrying: 0, skipped: 0 };
  if (claimed.length === 0) return result;

  // Only this claim's rows (notifiedAt = now): a claim taken over as stale is the other instance's now.
  const finish = async (
    alerts: Claimed[],
    data: Prisma.SpikeAlertUpdateManyMutationInput & { notifyState: "sent" | "failed" | "skipped" | "pending" },
  ) => {
    if (alerts.length === 0) return;
    await db.spikeAlert.updateMany({
      where: { id: { in: alerts.map((a) => a.id) }, notifyState: "sending", notifiedAt: now },
      data: { notifyRetryAt: null, ...data },
    });
    result[data.notifyState === "pending" ? "retrying" : data.notifyState] += alerts.length;
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
  // One alert per key and message, the newest: a retry and a newer spike of the same key never both go out.
  const cooling = new Set(recent.map(spikeKey));
  const due: Claimed[] = [];
  const held: Claimed[] = [];
  for (const a of [...claimed].sort((x, y) => new Date(y.openedAt).getTime() - new Date(x.openedAt).getTime())) {
    if (cooling.has(spikeKey(a))) held.push(a);
    else {
      cooling.add(spikeKey(a));
      due.push(a);
    }
  }
  await finish(held, { notifyState: "skipped", notifyReason: "cooldown" });
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
  const tried = { notifyTries: { increment: 1 } };
  if (outcome.ok) {
    await finish(due, { ...tried, notifyState: "sent", notifyStatus: outcome.status, notifyReason: null });
    return result;
  }
  const failure = { notifyReason: outcome.reason, notifyStatus: outcome.reason === "http" ? outcome.status : null };
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  // Grouped by the tries so far: the wait before the next one grows with them.
  for (const tries of new Set(due.map((a) => a.notifyTries))) {
    const these = due.filter((a) => a.notifyTries === tries);
    const delay = delays[tries];
    await finish(
      these,
      delay === undefined
        ? { ...tried, ...failure, notifyState: "failed" }
        : { ...tried, ...failure, notifyState: "pending", notifyRetryAt: new Date(now.getTime() + delay) },
    );
  }
  return result;
}
