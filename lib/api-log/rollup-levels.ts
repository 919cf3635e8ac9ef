// The levels writeCalls keeps (lib/api-log/rollups.ts): per minute, hour and UTC day, each per sales
// unit and summed over all units, the latter with the set of units per key (the dashboard's view of
// every unit reads them: their rows do not multiply with the units). A batch's minute groups are summed
// to each level's rows here, in JavaScript, so every statement sends only its own level's rows.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { RollupGroup } from "./rollups";

export interface RollupLevel {
  table: string;
  /** The time column, truncated to `unit` (UTC). */
  time: string;
  unit: "minute" | "hour" | "day";
  /** Keyed on the MSN too; otherwise summed over all units, with "msns". */
  perUnit: boolean;
}

/** Every level, in the order writers lock them (the same in every writer: no deadlocks). */
export const ROLLUP_LEVELS: readonly RollupLevel[] = [
  { table: "ApiCallRollup", time: "minute", unit: "minute", perUnit: true },
  { table: "ApiCallRollupHour", time: "hour", unit: "hour", perUnit: true },
  { table: "ApiCallRollupDay", time: "day", unit: "day", perUnit: true },
  { table: "ApiCallRollupAll", time: "minute", unit: "minute", perUnit: false },
  { table: "ApiCallRollupAllHour", time: "hour", unit: "hour", perUnit: false },
  { table: "ApiCallRollupAllDay", time: "day", unit: "day", perUnit: false },
];

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const KEY = ["environment", "operation", "httpStatus", "errorGroup", "errorCode"] as const;

interface LevelRow extends Omit<RollupGroup, "minute"> {
  time: number;
  first: number;
  last: number;
  msns: Set<string>;
}

/** The minute groups summed to one level's rows, in key order. UTC days: epoch days. */
export function levelRows(level: RollupLevel, groups: readonly RollupGroup[]): LevelRow[] {
  const ms = UNIT_MS[level.unit];
  const rows = new Map<string, LevelRow>();
  for (const g of groups) {
    const minute = g.minute.getTime();
    const time = Math.floor(minute / ms) * ms;
    const msn = level.perUnit ? g.msn : "";
    const id = JSON.stringify([time, msn, ...KEY.map((k) => g[k])]);
    const { environment, operation, httpStatus, errorGroup, errorCode } = g;
    const r: LevelRow = rows.get(id) ?? {
      ...{ environment, operation, httpStatus, errorGroup, errorCode, msn, time, first: minute, last: minute },
      ...{ calls: 0, durationSumMs: 0, buckets: g.buckets.map(() => 0), msns: new Set<string>() },
    };
    rows.set(id, r);
    r.calls += g.calls;
    r.durationSumMs += g.durationSumMs;
    g.buckets.forEach((b, i) => (r.buckets[i]! += b));
    r.first = Math.min(r.first, minute);
    r.last = Math.max(r.last, minute);
    r.msns.add(g.msn);
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/** "a", "b", … — column names as SQL. */
export const quotedColumns = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/**
 * One level's upsert: its rows as ONE jsonb parameter typed by the table's own row type (bound
 * parameters per row are what makes createMany slow), inserted in key order (WITH ORDINALITY).
 */
export function levelUpsert(level: RollupLevel, rows: readonly LevelRow[]): Prisma.Sql {
  const { table, time, unit, perUnit } = level;
  const buckets = rows[0]?.buckets.map((_, i) => `l${i}`) ?? [];
  const sums = ["calls", "durationSumMs", ...buckets];
  const key = [time, ...(perUnit ? ["msn"] : []), ...KEY];
  const spans = unit !== "minute";
  const columns = [...key, ...sums, ...(perUnit ? [] : ["msns"]), ...(spans ? ["firstMinute", "lastMinute"] : [])];
  const json = rows.map((r) => ({
    [time]: new Date(r.time),
    ...(perUnit ? { msn: r.msn } : { msns: [...r.msns].sort() }),
    ...Object.fromEntries(KEY.map((k) => [k, r[k]])),
    calls: r.calls,
    durationSumMs: r.durationSumMs,
    ...Object.fromEntries(r.buckets.map((b, i) => [`l${i}`, b])),
    ...(spans ? { firstMinute: new Date(r.first), lastMinute: new Date(r.last) } : {}),
  }));
  const t = `"${table}"`;
  const updates = [
    ...sums.map((c) => `"${c}" = ${t}."${c}" + EXCLUDED."${c}"`),
    // A set: unchanged unless the batch brings a unit the row has not seen.
    ...(perUnit
      ? []
      : [
          `"msns" = CASE WHEN EXCLUDED."msns" <@ ${t}."msns" THEN ${t}."msns"
            ELSE ARRAY(SELECT DISTINCT m FROM unnest(${t}."msns" || EXCLUDED."msns") AS m ORDER BY m) END`,
        ]),
    ...(spans
      ? [
          `"firstMinute" = LEAST(${t}."firstMinute", EXCLUDED."firstMinute")`,
          `"lastMinute" = GREATEST(${t}."lastMinute", EXCLUDED."lastMinute")`,
        ]
      : []),
  ];
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(t)} (${Prisma.raw(quotedColumns(columns))})
    SELECT ${Prisma.raw(quotedColumns(columns))}
    FROM jsonb_populate_recordset(NULL::${Prisma.raw(t)}, ${JSON.stringify(json)}::jsonb) WITH ORDINALITY AS g
    ORDER BY g.ordinality
    ON CONFLICT (${Prisma.raw(quotedColumns(key))}) DO UPDATE SET ${Prisma.raw(updates.join(", "))}`;
}
