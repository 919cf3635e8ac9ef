// One detection round: read the rollups (never the raw calls), judge every key with errors in the
// window or an open alert (rule.ts), open, keep or close alerts. Safe with any number of app
// instances running it at once, on PGlite and PostgreSQL alike, because every write is settled by
// the database: an alert opens through INSERT … ON CONFLICT ("openKey") DO NOTHING (a unique index
// that holds only while the alert is open), closes through an update conditional on still being
// open, and its notification is claimed by one conditional update (notify.ts).
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { judgeSpike, spikeKey, spikeSpans, SPIKE_RULE, type Counts, type SpikeRule } from "./rule";

/** An error: no 2xx/3xx answer — HTTP 4xx/5xx, or status 0 (no answer at all). */
const IS_ERROR = Prisma.sql`NOT ("httpStatus" BETWEEN 200 AND 399)`;

type Environment = "simulator" | "test" | "production";
interface KeyCounts extends Counts {
  msn: string;
  environment: Environment;
  operation: string;
}

export interface DetectionResult {
  /** Ids of alerts this run opened (another instance may have opened the rest). */
  opened: string[];
  closed: string[];
  kept: number;
}

const countsOf = (rows: KeyCounts[]) => new Map(rows.map((r) => [spikeKey(r), r]));

export async function detectSpikes(
  db: PrismaClient,
  now = new Date(),
  rule: SpikeRule = SPIKE_RULE,
): Promise<DetectionResult> {
  const { windowStart, windowEnd, baselineStart } = spikeSpans(now, rule);
  const [windowRows, openAlerts] = await Promise.all([
    // Only keys with enough errors can open or stay open: the rest of the window is not read out.
    db.$queryRaw<KeyCounts[]>`
      SELECT "msn", "environment"::text AS "environment", "operation",
        sum("calls")::int AS calls, coalesce(sum("calls") FILTER (WHERE ${IS_ERROR}), 0)::int AS errors
      FROM "ApiCallRollup" WHERE "minute" >= ${windowStart} AND "minute" < ${windowEnd}
      GROUP BY 1, 2, 3
      HAVING coalesce(sum("calls") FILTER (WHERE ${IS_ERROR}), 0) >= ${rule.minErrors}`,
    db.spikeAlert.findMany({ where: { closedAt: null }, select: { id: true, openKey: true, peakRate: true } }),
  ]);
  const windows = countsOf(windowRows);
  const history = countsOf(
    windowRows.length === 0
      ? []
      : await db.$queryRaw<KeyCounts[]>`
          SELECT "msn", "environment"::text AS "environment", "operation",
            sum("calls")::int AS calls, coalesce(sum("calls") FILTER (WHERE ${IS_ERROR}), 0)::int AS errors
          FROM "ApiCallRollup"
          WHERE "minute" >= ${baselineStart} AND "minute" < ${windowStart}
            AND ("msn", "environment", "operation") IN (${Prisma.join(
              windowRows.map((k) => Prisma.sql`(${k.msn}, ${k.environment}::"Environment", ${k.operation})`),
            )})
          GROUP BY 1, 2, 3`,
  );
  const open = new Map(openAlerts.map((a) => [a.openKey!, a]));
  const none: Counts = { calls: 0, errors: 0 };
  const result: DetectionResult = { opened: [], closed: [], kept: 0 };

  // Open alerts whose key has too few errors in the window now close; the others are judged.
  for (const [key, alert] of open) {
    const w = windows.get(key) ?? none;
    const judged = judgeSpike(w, history.get(key) ?? none, true, rule);
    if (judged.verdict === "close") {
      const { count } = await db.spikeAlert.updateMany({
        where: { id: alert.id, closedAt: null },
        data: { closedAt: now, openKey: null },
      });
      if (count === 1) result.closed.push(alert.id);
    } else {
      result.kept++;
      await db.spikeAlert.updateMany({
        where: { id: alert.id, closedAt: null },
        data: { lastRate: judged.rate, ...(judged.rate > alert.peakRate ? { peakRate: judged.rate } : {}) },
      });
    }
  }

  const toOpen = windowRows.flatMap((w) => {
    const key = spikeKey(w);
    if (open.has(key)) return [];
    const h = history.get(key) ?? none;
    const judged = judgeSpike(w, h, false, rule);
    if (judged.verdict !== "open") return [];
    return [
      {
        id: randomUUID(),
        openKey: key,
        msn: w.msn,
        environment: w.environment,
        operation: w.operation,
        openedAt: now,
        calls: w.calls,
        errors: w.errors,
        baselineRate: judged.baseline,
        baselineCalls: h.calls >= rule.baselineMinCalls ? h.calls : 0,
        peakRate: judged.rate,
        lastRate: judged.rate,
      },
    ];
  });
  if (toOpen.length) {
    // Another instance may have opened some of these a moment ago: its row stands, ours is dropped.
    const created = await db.spikeAlert.createManyAndReturn({
      data: toOpen,
      skipDuplicates: true,
      select: { id: true },
    });
    result.opened.push(...created.map((c) => c.id));
  }
  return result;
}
