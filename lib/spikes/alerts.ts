// Reading spike alerts: the history (/errors/alerts) and the open ones (the banner on /errors),
// always inside the actor's sales units — alerts of calls without a sales unit are for admins only,
// like those calls on the dashboard.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { assertCan, can, msnScope, type Actor } from "@/lib/auth/permissions";
import { loadWebhookView } from "./settings";

export const ALERTS_PAGE = 50;

export interface SpikeAlertView {
  id: string;
  msn: string;
  unitName: string | null;
  environment: "simulator" | "test" | "production";
  operation: string;
  openedAt: Date;
  closedAt: Date | null;
  calls: number;
  errors: number;
  rate: number;
  baselineRate: number;
  peakRate: number;
  /** The latest 15-minute rate while open. */
  lastRate: number;
  notifyState: "pending" | "sending" | "sent" | "failed" | "skipped";
  notifyReason: string | null;
  notifyStatus: number | null;
  /** Posts tried so far; while pending after a failed try, when the next one is due. */
  notifyTries: number;
  notifyRetryAt: Date | null;
}

const SELECT = {
  id: true,
  msn: true,
  environment: true,
  operation: true,
  openedAt: true,
  closedAt: true,
  calls: true,
  errors: true,
  baselineRate: true,
  peakRate: true,
  lastRate: true,
  notifyState: true,
  notifyReason: true,
  notifyStatus: true,
  notifyTries: true,
  notifyRetryAt: true,
} as const;

async function withNames(
  db: PrismaClient,
  rows: Omit<SpikeAlertView, "unitName" | "rate">[],
): Promise<SpikeAlertView[]> {
  const units = await db.salesUnit.findMany({
    where: { msn: { in: [...new Set(rows.map((r) => r.msn).filter(Boolean))] } },
    select: { msn: true, name: true },
  });
  const names = new Map(units.map((u) => [u.msn, u.name]));
  return rows.map((r) => ({ ...r, unitName: names.get(r.msn) ?? null, rate: r.errors / Math.max(1, r.calls) }));
}

/** Newest first, ALERTS_PAGE at a time; `before` is the id of the last alert of the previous page. */
export async function listSpikeAlerts(
  db: PrismaClient,
  actor: Actor,
  before?: string,
): Promise<{ alerts: SpikeAlertView[]; next: string | null }> {
  assertCan(actor, "apilog:read");
  const scope = msnScope(actor);
  // The cursor must itself be one of the actor's alerts, or paging would reveal another unit's times.
  const valid = before && /^[0-9a-f-]{36}$/i.test(before) ? before : undefined;
  const cursor = valid ? await db.spikeAlert.findFirst({ where: { id: valid, ...scope }, select: { id: true } }) : null;
  const rows = await db.spikeAlert.findMany({
    where: scope,
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: ALERTS_PAGE + 1,
    ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
    select: SELECT,
  });
  const page = rows.slice(0, ALERTS_PAGE);
  return { alerts: await withNames(db, page), next: rows.length > ALERTS_PAGE ? page.at(-1)!.id : null };
}

/** The spikes open now, for the banner. */
export async function openSpikeAlerts(db: PrismaClient, actor: Actor): Promise<SpikeAlertView[]> {
  assertCan(actor, "apilog:read");
  const rows = await db.spikeAlert.findMany({
    where: { ...msnScope(actor), closedAt: null },
    orderBy: { openedAt: "desc" },
    take: 20,
    select: SELECT,
  });
  return withNames(db, rows);
}

/** /errors/alerts: a page of the history, and the webhook settings for those who may change them. */
export async function loadAlertsPage(db: PrismaClient, actor: Actor, before?: string) {
  const [history, webhook] = await Promise.all([
    listSpikeAlerts(db, actor, before),
    can(actor, "alerts:manage") ? loadWebhookView(db, actor) : Promise.resolve(null),
  ]);
  return { ...history, webhook };
}
