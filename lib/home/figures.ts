// The home page's figures for today and the last 7 days (Oslo calendar days, by when the payment was
// created), read from the kept daily totals: a few rows per sales unit and day, never the payments.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { presetDays } from "@/lib/payments/history/dates";

export interface Figures {
  /** Payments created, and their amounts (øre). */
  count: number;
  amount: number;
  /** Reserved and not yet captured (øre), in payments still open for capture. */
  awaiting: number;
  failed: number;
  refunded: number;
}

const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

export async function readFigures(
  db: PrismaClient,
  actor: Actor,
  now = new Date(),
): Promise<{ today: Figures; week: Figures; range: { today: string; week: { from: string; to: string } } }> {
  const today = presetDays("today", now);
  const week = presetDays("7d", now);
  const rows = await db.paymentDailyTotal.groupBy({
    by: ["day", "status"],
    where: {
      day: { gte: day(week.from), lte: day(week.to) },
      ...(actor.allSalesUnits ? {} : { msn: { in: [...actor.msns] } }),
    },
    _sum: { count: true, amount: true, reserved: true, captured: true, refunded: true },
  });
  const empty = (): Figures => ({ count: 0, amount: 0, awaiting: 0, failed: 0, refunded: 0 });
  const out = { today: empty(), week: empty() };
  for (const r of rows) {
    const targets = r.day.toISOString().slice(0, 10) === today.from ? [out.today, out.week] : [out.week];
    const count = Number(r._sum.count ?? 0);
    for (const f of targets) {
      f.count += count;
      f.amount += Number(r._sum.amount ?? 0);
      f.refunded += Number(r._sum.refunded ?? 0);
      if (r.status === "failed") f.failed += count;
      if (r.status === "reserved" || r.status === "partially_captured")
        f.awaiting += Number(r._sum.reserved ?? 0) - Number(r._sum.captured ?? 0);
    }
  }
  return { ...out, range: { today: today.from, week } };
}
