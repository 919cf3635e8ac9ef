// The error dashboard's numbers (/errors), all from the rollups (lib/api-log/rollups.ts), whole days,
// hours and minutes combined (./spans.ts): a chart costs a number of rollup rows, never a scan of raw
// calls. Scoped to the user's sales units
// (calls without an MSN, such as access tokens of partner keys, are for admins only).
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { LATENCY_BUCKETS, quantileFromBuckets } from "@/lib/api-log/rollups";
import { remedyView } from "./remedies";
import { coarsestFor, joinSpans, LEVELS, spansOf, spansSql, type Family, type Level } from "./spans";
import { keepPart, keptPart, mergeParts, type Part, type TopPart } from "./dashboard-cache";
import { readerOpenFrom } from "@/lib/api-log/rollups";
import { rollupCutoff } from "@/lib/api-log/prune";
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
 * bench -- errors). Without them the cost stays that of the rows read. Nor JIT compilation: the top
 * errors' query is planned per shown error with the estimate of a set-returning function (100 rows),
 * which crosses jit_above_cost, and compiling took ~45 of its ~50 ms for 2 ms of work.
 */
function serial<T>(db: PrismaClient, query: Prisma.PrismaPromise<T>): Promise<T> {
  return db
    .$transaction([
      db.$queryRaw`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`,
      query,
    ])
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

interface ReadScope {
  scope: Prisma.Sql;
  family: Family;
  before: Date;
  from: Date;
  to: Date;
  stepMs: number;
}

/** What the rollups cannot say of a shown error: its units over all units, "new", a latest message. */
interface About {
  unitsOver: string[] | null;
  seenBefore: boolean;
  message: string | null;
}
/** A shown error: its key and operation, units (per unit), calls, first and last minute, and About. */
type Shown = Omit<TopPart, "msn"> & { msns: string[] } & About;

/**
 * The columns of About for the shown errors `r` (errorGroup, errorCode, httpStatus, operation, first
 * and last minute), in one query: a few index probes per error.
 */
function aboutSql({ scope, family, from, to }: ReadScope): Prisma.Sql {
  const sameKey = Prisma.sql`AND "errorGroup" = r."errorGroup" AND "errorCode" = r."errorCode"
    AND "httpStatus" = r."httpStatus" AND "operation" = r."operation" ${scope}`;
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
  const unitsOver =
    family === "unit"
      ? Prisma.sql`NULL::text[]`
      : Prisma.sql`ARRAY(SELECT DISTINCT s."msn" FROM "ApiCallErrorSeen" AS s
          WHERE ${seenKey} AND s."lastAt" >= ${from} AND s."firstMinute" < ${to} ${scope}
            AND (s."firstMinute" >= ${from} OR s."lastAt" < ${to}
              OR EXISTS (SELECT 1 FROM (${spansSql(spansOf(from, to), spanned, "unit")}) AS u OFFSET 0)))`;
  // "New": no call with this error before the range (its first call per unit, kept by the writers).
  // OFFSET 0: a probe per error, not a hash of the whole table.
  return Prisma.sql`${unitsOver} AS "unitsOver", EXISTS (
      SELECT 1 FROM "ApiCallErrorSeen" AS s WHERE ${seenKey} AND s."firstMinute" < ${from} ${scope} OFFSET 0
    ) AS "seenBefore", ${lastMessage} AS message`;
}

/** A read of [a, b): its rows before the cut and from it, and the 20 top errors of the whole window. */
interface WindowRead {
  over: Part;
  rest: Part;
  shown: Shown[];
}

/**
 * [a, b) summed from the rollups, split at `cut` (rows before it are of hours that are over): tiles
 * per operation (before the range and in it), the series, and every error per key, operation and unit
 * (`groups`: only when the caller keeps them). With the errors of a kept part (`kept`, the window's
 * other part), the 20 top errors of both and their About come from the same query. Three queries in
 * parallel: one round.
 */
async function readWindow(
  db: PrismaClient,
  q: ReadScope,
  a: Date,
  b: Date,
  { cut = a, kept = [], groups = false }: { cut?: Date; kept?: readonly TopPart[]; groups?: boolean } = {},
): Promise<WindowRead> {
  const { scope, family, from, stepMs } = q;
  const clamp = (t: Date) => new Date(Math.min(Math.max(t.getTime(), a.getTime()), b.getTime()));
  // Spans that end on every boundary (the range's start for the tiles, the cut), so each row lies
  // wholly on one side of each: t >= from is "now", t >= cut is read again next time.
  const split = (points: Date[], coarsest?: Level) =>
    joinSpans(...points.slice(1).map((p, i) => spansOf(points[i]!, p, coarsest)));
  const [mid, c] = [clamp(from), clamp(cut)];
  const errors = Prisma.sql`AND ${IS_ERROR} ${scope}`;
  // The range's errors: for the series from levels whose rows each fit inside one bar (it bins them),
  // for the top errors from the coarsest (a 7-day view's whole days, not 24 hour rows each).
  const rangePoints = [mid, new Date(Math.max(c.getTime(), mid.getTime())), b];
  const barRows = spansSql(split(rangePoints, coarsestFor(stepMs)), errors, family);
  const rangeRows = spansSql(split(rangePoints), errors, family);
  const step = Prisma.sql`make_interval(secs => ${stepMs / 1000}::int)`;
  const msn = family === "unit" ? Prisma.sql`"msns"[1]` : Prisma.sql`''`;
  const rest = Prisma.sql`(t >= ${c}) AS rest`;
  const keptJson = JSON.stringify(kept.map((k) => ({ ...k, first: new Date(k.first), last: new Date(k.last) })));
  // Every error per key, operation and unit read (g), with the kept part's (k); the 20 with the most
  // calls of both (per unit first, then per error: two hash aggregates instead of sorting every row
  // for array_agg(DISTINCT …)), ties in byte order, the status as a number; then their About.
  const top = Prisma.sql`
    WITH g AS MATERIALIZED (
      SELECT "errorGroup", "errorCode", "httpStatus", "operation", ${msn} AS msn, sum("calls")::int AS n,
        min("first") AS first, max("last") AS last, ${rest}
      FROM (${rangeRows}) AS e
      GROUP BY 1, 2, 3, 4, 5, 9),
    k AS (
      SELECT * FROM jsonb_to_recordset(${keptJson}::jsonb) AS x("errorGroup" text, "errorCode" text,
        "httpStatus" int, "operation" text, msn text, n int, first timestamptz, last timestamptz)),
    t AS (
      SELECT "errorGroup", "errorCode", "httpStatus", "operation", array_remove(array_agg(DISTINCT msn), '') AS msns,
        sum(n)::int AS n, min(first) AS first, max(last) AS last
      FROM (SELECT "errorGroup", "errorCode", "httpStatus", "operation", msn, n, first, last FROM g
        UNION ALL SELECT "errorGroup", "errorCode", "httpStatus", "operation", msn, n, first, last FROM k) AS a
      GROUP BY 1, 2, 3, 4
      ORDER BY 6 DESC, "errorGroup" COLLATE "C", "errorCode" COLLATE "C", "httpStatus", "operation" COLLATE "C"
      LIMIT 20)
    SELECT ${groups ? Prisma.sql`(SELECT coalesce(json_agg(g), '[]') FROM g)` : Prisma.sql`'[]'::json`} AS groups,
      (SELECT coalesce(json_agg(d ORDER BY d.n DESC, d."errorGroup" COLLATE "C", d."errorCode" COLLATE "C",
        d."httpStatus", d."operation" COLLATE "C"), '[]')
        FROM (SELECT r.*, ${aboutSql(q)} FROM t AS r) AS d) AS shown`;
  type Json<T> = Omit<T, "first" | "last"> & { first: string; last: string };
  const [counts, series, [errs]] = await Promise.all([
    serial(
      db,
      db.$queryRaw<Record<string, unknown>[]>`
      SELECT (t >= ${from}) AS current, "operation", sum("calls")::int AS calls,
        sum("calls") FILTER (WHERE ${IS_ERROR})::int AS errors,
        sum("calls") FILTER (WHERE "httpStatus" BETWEEN 400 AND 499)::int AS client,
        sum("calls") FILTER (WHERE "httpStatus" >= 500)::int AS server,
        sum("calls") FILTER (WHERE "httpStatus" = 0)::int AS network, ${BUCKETS_SQL}, ${rest}
      FROM (${spansSql(split([a, ...[mid, c].sort((x, y) => x.getTime() - y.getTime()), b]), scope, family)}) AS r
      GROUP BY 1, 2, rest`,
    ),
    serial(
      db,
      db.$queryRaw<{ at: Date; errorGroup: string; errorCode: string; httpStatus: number; n: number; rest: boolean }[]>`
      SELECT date_bin(${step}, t, ${from}) AS at, "errorGroup", "errorCode", "httpStatus", sum("calls")::int AS n,
        ${rest}
      FROM (${barRows}) AS r
      GROUP BY 1, 2, 3, 4, 6`,
    ),
    serial(db, db.$queryRaw<{ groups: Json<TopPart & { rest: boolean }>[]; shown: Json<Shown>[] }[]>`${top}`),
  ]);
  const times = <T extends { first: string; last: string }>(r: T) => ({
    ...r,
    first: new Date(r.first).getTime(),
    last: new Date(r.last).getTime(),
  });
  const partOf = (isRest: boolean): Part => ({
    counts: counts
      .filter((r) => (r.rest === true) === isRest)
      .map((r) => ({
        current: r.current === true,
        operation: String(r.operation),
        calls: Number(r.calls ?? 0),
        errors: Number(r.errors ?? 0),
        client: Number(r.client ?? 0),
        server: Number(r.server ?? 0),
        network: Number(r.network ?? 0),
        buckets: bucketsOf(r),
      })),
    series: series
      .filter((r) => r.rest === isRest)
      .map(({ rest: _, ...r }) => ({ ...r, at: new Date(r.at).getTime() })),
    top: errs!.groups.filter((r) => r.rest === isRest).map(({ rest: _, ...r }) => times(r)),
  });
  return { over: partOf(false), rest: partOf(true), shown: errs!.shown.map(times) };
}

export interface LoadOptions {
  /**
   * "use" (default): reuse what was summed for hours that are over (./dashboard-cache.ts), or read it
   * and keep it. "renew": read it and keep it, as a first view does. "off": read the whole window and
   * keep nothing.
   */
  keep?: "use" | "renew" | "off";
  /**
   * The clock that says which hours are over (default: this machine's). Never the caller's `nowDate`
   * alone: a view of the future would count hours as over that writers still fill. The benchmark sets
   * it to its data's "now", for the view a live dashboard has at that moment.
   */
  wall?: Date;
}

export async function loadDashboard(
  db: PrismaClient,
  actor: Actor,
  filter: DashboardFilter,
  nowDate = new Date(),
  options: LoadOptions = {},
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
  const q: ReadScope = { scope, family, before, from, to, stepMs };

  // The hours that are over, by the clock less a grace, are summed once and kept while their versions
  // stand; the rest (the last hour or so) is read every time. Any minute may divide the window: a bar
  // across the cut gets its calls from both parts.
  const wall = (options.wall ?? new Date()).getTime();
  const cut = new Date(Math.min(Math.max(readerOpenFrom(wall), before.getTime()), to.getTime()));
  const keep = options.keep ?? "use";
  let read: WindowRead;
  let merged: Part;
  if (cut <= before || keep === "off") {
    // Nothing is over, or nothing kept: one read of the window.
    read = await readWindow(db, q, before, to);
    merged = mergeParts([read.over, read.rest]);
  } else {
    const key = JSON.stringify([
      actor.allSalesUnits ? "*" : [...actor.msns].sort(),
      filter.msn ?? "",
      filter.environment ?? "",
      filter.operation ?? "",
      before,
      from,
      cut,
      stepMs,
      // Pruned rollups leave the window the month they go.
      rollupCutoff(new Date(wall)),
    ]);
    // With a part kept, the rest is read (with the kept errors, for the top 20) beside the versions,
    // which only say whether the part still stands: one round.
    const had = keep === "use" ? keptPart(db, key) : undefined;
    const hoped = had && readWindow(db, q, cut, to, { cut, kept: had.part.top });
    if (hoped) hoped.catch(() => {}); // awaited below; not "unhandled" if the versions' read fails first
    // The versions are read before the rows they guard: a kept part is never older than its stamp.
    const [v] = await db.$queryRaw<{ n: number; sum: string }[]>`
      SELECT count(*)::int AS n, coalesce(sum("version"), 0)::text AS sum FROM "ApiCallVersion"
      WHERE "hour" >= ${new Date(Math.floor(before.getTime() / LEVELS.hour.ms) * LEVELS.hour.ms)} AND "hour" < ${cut}`;
    const stamp = `${v!.n}:${v!.sum}`;
    if (had && hoped && had.stamp === stamp) {
      read = await hoped;
      merged = mergeParts([had.part, read.rest]);
    } else {
      read = await readWindow(db, q, before, to, { cut, groups: true });
      keepPart(db, key, stamp, read.over);
      merged = mergeParts([read.over, read.rest]);
    }
  }
  const shown = read.shown;
  const { counts: countRows, series: seriesRows } = merged;

  const totals = (current: boolean): Totals => {
    const mine = countRows.filter((r) => r.current === current);
    const sum = (k: "calls" | "errors" | "client" | "server" | "network") => mine.reduce((n, r) => n + r[k], 0);
    const buckets = Array.from({ length: LATENCY_BUCKETS }, (_, i) =>
      mine.reduce((n, r) => n + (r.buckets[i] ?? 0), 0),
    );
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
  // In one order whatever the parts (a key's parts are those of its earliest bar, lowest status).
  const byBar = [...seriesRows].sort(
    (a, b) =>
      a.at - b.at ||
      (a.errorGroup < b.errorGroup ? -1 : a.errorGroup > b.errorGroup ? 1 : 0) ||
      (a.errorCode < b.errorCode ? -1 : a.errorCode > b.errorCode ? 1 : 0) ||
      a.httpStatus - b.httpStatus,
  );
  for (const r of byBar) {
    const i = Math.round((r.at - from.getTime()) / stepMs);
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
    .filter((r) => r.current)
    .sort((a, b) => b.calls - a.calls || a.operation.localeCompare(b.operation));
  const operations: OperationRow[] = opRows.map((r) => ({
    operation: r.operation,
    calls: r.calls,
    errors: r.errors,
    p50: quantileFromBuckets(r.buckets, 0.5),
    p95: quantileFromBuckets(r.buckets, 0.95),
  }));
  const callsOf = new Map(operations.map((o) => [o.operation, o.calls]));

  const top: TopError[] = shown.map((t) => {
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
      msns: (t.unitsOver ?? t.msns).filter(Boolean).sort(),
      count: t.n,
      share: t.n / Math.max(1, callsOf.get(t.operation) ?? t.n),
      firstSeen: new Date(t.first),
      lastSeen: new Date(t.last + 60_000),
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
