// The error dashboard's numbers (/errors), all from the rollups (lib/api-log/rollups.ts), whole days,
// hours and minutes combined (./spans.ts): a chart costs a number of rollup rows, never a scan of raw
// calls. Scoped to the user's sales units
// (calls without an MSN, such as access tokens of partner keys, are for admins only).
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { LATENCY_BUCKETS, quantileFromBuckets } from "@/lib/api-log/rollups";
import { remedyView } from "./remedies";
import { coarsestFor, joinSpans, spansOf, spansSql, type Family, type Level } from "./spans";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import {
  CUSTOM_STEPS_MS,
  MAX_BARS,
  RANGE_MS,
  STEP_MS,
  type KeyParts,
  type Dashboard,
  type DashboardFilter,
  type OperationRow,
  type Totals,
  type TopError,
} from "./dashboard-types";

export * from "./dashboard-types";

// The token endpoint's codes ("invalid_client") come without a Vipps group; gateway answers carry no
// code at all (lib/ecom/errors.ts), so they read as their status.
const errorKeyOf = (g: string, c: string, s: number) =>
  s === 0 ? "network" : g && c ? `${g}/${c}` : g ? `${g} · HTTP ${s}` : c ? `HTTP ${s} · ${c}` : `HTTP ${s}`;

/** Where "everything before a range" starts: older than any rollup kept. */
const EPOCH = new Date(0);
const IS_ERROR = Prisma.sql`("httpStatus" = 0 OR "httpStatus" >= 400)`;
const BUCKETS_SQL = Prisma.raw(
  Array.from({ length: LATENCY_BUCKETS }, (_, i) => `sum("l${i}")::int AS "l${i}"`).join(", "),
);
const bucketsOf = (row: Record<string, unknown>) =>
  Array.from({ length: LATENCY_BUCKETS }, (_, i) => Number(row[`l${i}`] ?? 0));

function scopeSql(actor: Actor, f: DashboardFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (!actor.allSalesUnits)
    parts.push(actor.msns.length ? Prisma.sql`"msn" IN (${Prisma.join([...actor.msns])})` : Prisma.sql`false`);
  if (f.msn) parts.push(Prisma.sql`"msn" = ${f.msn}`);
  if (f.environment) parts.push(Prisma.sql`"environment" = ${f.environment}::"Environment"`);
  if (f.operation) parts.push(Prisma.sql`"operation" = ${f.operation}`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

/**
 * One read in a transaction of its own without parallel workers: a dashboard query reads a few thousand
 * rollup rows, and on a large table the planner would start workers for them, which costs more than
 * the scan (≈200 of 240 ms for a 7-day view on a busy two-core machine, against 5 ms of work; npm run
 * bench -- errors). Without them the cost stays that of the rows read.
 */
function serial<T>(db: PrismaClient, query: Prisma.PrismaPromise<T>): Promise<T> {
  return db
    .$transaction([db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, query])
    .then(([, rows]) => rows);
}

/**
 * The buckets a filter covers. A preset ends at the end of the current step, so the last bar is the
 * one filling now; a custom range is widened to whole steps of the smallest size that keeps it to
 * MAX_BARS bars.
 */
export function windowOf(filter: DashboardFilter, now: Date): { stepMs: number; from: Date; to: Date } {
  if (filter.range === "custom" && filter.from && filter.to) {
    const span = filter.to.getTime() - filter.from.getTime();
    const stepMs = CUSTOM_STEPS_MS.find((s) => span / s <= MAX_BARS) ?? CUSTOM_STEPS_MS.at(-1)!;
    const from = Math.floor(filter.from.getTime() / stepMs) * stepMs;
    const to = Math.max(from + stepMs, Math.ceil(filter.to.getTime() / stepMs) * stepMs);
    return { stepMs, from: new Date(from), to: new Date(to) };
  }
  const range = filter.range === "custom" ? "24h" : filter.range;
  const stepMs = STEP_MS[range];
  const to = new Date(Math.ceil((now.getTime() + 1) / stepMs) * stepMs);
  return { stepMs, from: new Date(to.getTime() - RANGE_MS[range]), to };
}

export async function loadDashboard(
  db: PrismaClient,
  actor: Actor,
  filter: DashboardFilter,
  nowDate = new Date(),
): Promise<Dashboard> {
  assertCan(actor, "apilog:read");
  const { stepMs, from, to } = windowOf(filter, nowDate);
  const before = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const scope = scopeSql(actor, filter);
  // Whole UTC days from the daily level, the edges from hours and minutes (lib/api-errors/spans.ts):
  // a 30-day view reads about 30 rows per key, whatever the traffic. The series only from levels whose
  // rows fit inside one bar. A view of every unit reads the levels summed over the units: its rows do
  // not multiply with the units the traffic is spread over.
  const family: Family = actor.allSalesUnits && !filter.msn ? "all" : "unit";
  const rows = (a: Date, b: Date, where: Prisma.Sql, coarsest?: Level) =>
    spansSql(spansOf(a, b, coarsest), where, family);
  const errors = Prisma.sql`AND ${IS_ERROR} ${scope}`;
  const step = Prisma.sql`make_interval(secs => ${stepMs / 1000}::int)`;
  // The rows of one top error (r), in the scope.
  const sameKey = Prisma.sql`AND "errorGroup" = r."errorGroup" AND "errorCode" = r."errorCode"
    AND "httpStatus" = r."httpStatus" AND "operation" = r."operation" ${scope}`;

  // The 20 top errors. Per unit, the units come with the counts: per unit first, then per error (two
  // hash aggregates instead of sorting every row for array_agg(DISTINCT …)). Over all units, only the
  // shown errors' sets are read: their rows in the range, not every error's.
  const perUnit = Prisma.sql`
    SELECT "errorGroup", "errorCode", "httpStatus", "operation", array_agg(msn) AS msns, sum(n)::int AS n,
      min("first") AS first, max("last") AS last
    FROM (
      SELECT "errorGroup", "errorCode", "httpStatus", "operation", "msns"[1] AS msn, sum("calls") AS n,
        min("first") AS first, max("last") AS last
      FROM (${rows(from, to, errors)}) AS e
      GROUP BY 1, 2, 3, 4, 5
    ) AS u
    GROUP BY 1, 2, 3, 4 ORDER BY 6 DESC LIMIT 20`;
  const overAll = Prisma.sql`
    SELECT "errorGroup", "errorCode", "httpStatus", "operation", sum("calls")::int AS n,
      min("first") AS first, max("last") AS last
    FROM (${rows(from, to, errors)}) AS e
    GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC LIMIT 20`;
  const topKeys = family === "unit" ? perUnit : overAll;
  // The top errors' units and latest messages from ApiCallErrorSeen (each error key per unit: first
  // minute, latest call and its message, kept by the writers): a few rows per unit, however many
  // rollup rows or calls the range holds. Its columns are the rollups', so the same scope applies.
  const seenKey = Prisma.sql`s."errorGroup" = r."errorGroup" AND s."errorCode" = r."errorCode"
    AND s."httpStatus" = r."httpStatus" AND s."operation" = r."operation"`;
  // Errors without a Vipps code (gateway 401/403, 5xx without a body): the latest logged message, which
  // tells their causes apart (an invalid subscription key and an expired token are fixed differently).
  // The latest such call in the range lies in the error's last minute (r.last, from the rollups). Each
  // unit's row whose latest call lies in that minute is a candidate, and the latest of them is the
  // answer — unless a unit has a later call (after the range: a custom period in the past), whose
  // latest call inside the range the row cannot tell: then that minute's raw calls are read.
  const rawLatest = (status: Prisma.Sql) => Prisma.sql`(
    SELECT coalesce("errorMessage", "networkError") FROM "ApiCallLog"
    WHERE "operation" = r."operation" AND ${status} AND "at" >= r.last AND "at" < r.last + interval '1 minute'
      AND coalesce("errorGroup", '') = r."errorGroup" AND coalesce("errorCode", '') = r."errorCode" ${scope}
    ORDER BY "at" DESC, coalesce("errorMessage", "networkError", '') COLLATE "C" DESC LIMIT 1)`;
  const rawMessage = Prisma.sql`CASE WHEN r."httpStatus" = 0 THEN ${rawLatest(Prisma.sql`"httpStatus" IS NULL`)}
    ELSE ${rawLatest(Prisma.sql`"httpStatus" = r."httpStatus"`)} END`;
  const lastMessage = Prisma.sql`CASE WHEN r."errorGroup" <> '' AND r."errorCode" <> '' THEN NULL ELSE (
    SELECT CASE WHEN count(*) = 0 OR bool_or(s."lastAt" >= r.last + interval '1 minute') THEN ${rawMessage}
      ELSE (array_agg(s."message" ORDER BY s."lastAt" DESC, coalesce(s."message", '') COLLATE "C" DESC))[1] END
    FROM "ApiCallErrorSeen" AS s WHERE ${seenKey} AND s."lastAt" >= r.last ${scope}) END`;
  // Over all units, an error's units in the range: a unit whose first or latest call lies in it, or,
  // when its calls span the whole range (first before, latest after: a custom period in the past),
  // one whose per-unit rollups hold a row of it in the range — one index descent per unit and span
  // (the error-key indexes hold unit and environment before the time). OFFSET 0 keeps it a probe per
  // unit: without it PostgreSQL may hash every unit's rows of the error in the range instead.
  const spanned = Prisma.sql`AND "msn" = s."msn" AND "environment" = s."environment" ${sameKey}`;
  const topUnits =
    family === "unit"
      ? Prisma.sql`r.msns`
      : Prisma.sql`ARRAY(SELECT DISTINCT s."msn" FROM "ApiCallErrorSeen" AS s
          WHERE ${seenKey} AND s."lastAt" >= ${from} AND s."firstMinute" < ${to} ${scope}
            AND (s."firstMinute" >= ${from} OR s."lastAt" < ${to}
              OR EXISTS (SELECT 1 FROM (${spansSql(spansOf(from, to), spanned, "unit")}) AS u OFFSET 0)))`;

  // Tiles and the per-operation table from one read: per operation, in the range and before it.
  const [countRows, seriesRows, topRows] = await Promise.all([
    serial(
      db,
      db.$queryRaw<Record<string, unknown>[]>`
      SELECT (t >= ${from}) AS current, "operation", sum("calls")::int AS calls,
        sum("calls") FILTER (WHERE ${IS_ERROR})::int AS errors,
        sum("calls") FILTER (WHERE "httpStatus" BETWEEN 400 AND 499)::int AS client,
        sum("calls") FILTER (WHERE "httpStatus" >= 500)::int AS server,
        sum("calls") FILTER (WHERE "httpStatus" = 0)::int AS network, ${BUCKETS_SQL}
      FROM (${spansSql(joinSpans(spansOf(before, from), spansOf(from, to)), scope, family)}) AS r
      GROUP BY 1, 2`,
    ),
    serial(
      db,
      db.$queryRaw<{ at: Date; errorGroup: string; errorCode: string; httpStatus: number; n: number }[]>`
      SELECT date_bin(${step}, t, ${from}) AS at, "errorGroup", "errorCode", "httpStatus", sum("calls")::int AS n
      FROM (${rows(from, to, errors, coarsestFor(stepMs))}) AS r
      GROUP BY 1, 2, 3, 4`,
    ),
    serial(
      db,
      db.$queryRaw<
        {
          errorGroup: string;
          errorCode: string;
          httpStatus: number;
          operation: string;
          msns: string[];
          n: number;
          first: Date;
          last: Date;
          seenBefore: boolean;
          message: string | null;
        }[]
      >`
      SELECT r."errorGroup", r."errorCode", r."httpStatus", r."operation", r.n, r.first, r.last,
        ${topUnits} AS msns, EXISTS (
          -- "New": no call with this error before the range, answered in the same query.
          ${rows(EPOCH, from, sameKey)}
        ) AS "seenBefore", ${lastMessage} AS message
      FROM (${topKeys}) AS r
      ORDER BY r.n DESC`,
    ),
  ]);

  const totals = (current: boolean): Totals => {
    const mine = countRows.filter((r) => r.current === current);
    const sum = (k: string) => mine.reduce((n, r) => n + Number(r[k] ?? 0), 0);
    const buckets = Array.from({ length: LATENCY_BUCKETS }, (_, i) => sum(`l${i}`));
    return {
      calls: sum("calls"),
      errors: sum("errors"),
      client: sum("client"),
      server: sum("server"),
      network: sum("network"),
      p95: mine.length ? quantileFromBuckets(buckets, 0.95) : null,
    };
  };

  const steps = Math.round((to.getTime() - from.getTime()) / stepMs);
  const series = Array.from({ length: steps }, (_, i) => ({
    at: new Date(from.getTime() + i * stepMs),
    counts: {} as Record<string, number>,
  }));
  const keyTotals = new Map<string, number>();
  const keyParts: Record<string, KeyParts> = {};
  const sparks = new Map<string, number[]>();
  for (const r of seriesRows) {
    const i = Math.round((new Date(r.at).getTime() - from.getTime()) / stepMs);
    const key = errorKeyOf(r.errorGroup, r.errorCode, r.httpStatus);
    // "Payment/61" is one group and code whatever the status; "HTTP 401" one status.
    keyParts[key] ??= { errorGroup: r.errorGroup, errorCode: r.errorCode, httpStatus: r.httpStatus };
    if (series[i]) series[i].counts[key] = (series[i].counts[key] ?? 0) + r.n;
    keyTotals.set(key, (keyTotals.get(key) ?? 0) + r.n);
    const spark = sparks.get(key) ?? new Array<number>(steps).fill(0);
    if (i >= 0 && i < steps) spark[i]! += r.n;
    sparks.set(key, spark);
  }
  const keys = [...keyTotals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);

  const opRows = countRows
    .filter((r) => r.current === true)
    .sort((a, b) => Number(b.calls) - Number(a.calls) || String(a.operation).localeCompare(String(b.operation)));
  const operations: OperationRow[] = opRows.map((r) => ({
    operation: String(r.operation),
    calls: Number(r.calls),
    errors: Number(r.errors ?? 0),
    p50: quantileFromBuckets(bucketsOf(r), 0.5),
    p95: quantileFromBuckets(bucketsOf(r), 0.95),
  }));
  const callsOf = new Map(operations.map((o) => [o.operation, o.calls]));

  const top: TopError[] = topRows.map((t) => {
    const key = errorKeyOf(t.errorGroup, t.errorCode, t.httpStatus);
    const message = t.message;
    const remedy = remedyView({
      httpStatus: t.httpStatus === 0 ? null : t.httpStatus,
      errorGroup: t.errorGroup || null,
      errorCode: t.errorCode || null,
      errorMessage: message,
      networkError: t.httpStatus === 0 ? (message ?? "network") : null,
      operation: t.operation,
    });
    return {
      remedy,
      message,
      key,
      errorGroup: t.errorGroup,
      errorCode: t.errorCode,
      httpStatus: t.httpStatus,
      operation: t.operation,
      msns: t.msns.filter(Boolean).sort(),
      count: t.n,
      share: t.n / Math.max(1, callsOf.get(t.operation) ?? t.n),
      firstSeen: new Date(t.first),
      lastSeen: new Date(new Date(t.last).getTime() + 60_000),
      isNew: !t.seenBefore,
      spark: sparks.get(key) ?? [],
    };
  });

  return {
    readAt: nowDate,
    from,
    to,
    stepMs,
    now: totals(true),
    before: totals(false),
    series,
    keys,
    keyParts,
    operations,
    top,
    operationNames: operations.map((o) => o.operation).sort(),
  };
}
