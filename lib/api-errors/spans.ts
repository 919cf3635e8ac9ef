// Which rollup level answers which part of a period: whole UTC days from ApiCallRollupDay, the hours
// at the edges from ApiCallRollupHour, the minutes beyond them from ApiCallRollup (or the same levels
// summed over all sales units, ApiCallRollupAll…, for a view of every unit). Every level counts
// the same calls exactly (lib/api-log/rollups.ts), so the pieces add up to the minute level's answer
// while a 30-day view reads about 30 day rows per key instead of 720 hour rows.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { LATENCY_BUCKETS, ROLLUP_LEVELS } from "@/lib/api-log/rollups";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export type Level = "minute" | "hour" | "day";

/**
 * Which tables: "unit" keyed per sales unit (any scope), "all" summed over every unit (only for a
 * view of all units: its rows per minute do not multiply with the units; lib/api-log/rollups.ts).
 */
export type Family = "unit" | "all";

interface LevelInfo {
  ms: number;
  tables: Record<Family, string>;
  time: string;
  first: string;
  last: string;
}

/** The table of a level in a family: the writers' own list (lib/api-log/rollup-levels.ts). */
const tablesOf = (unit: Level): Record<Family, string> => {
  const table = (perUnit: boolean) => ROLLUP_LEVELS.find((l) => l.unit === unit && l.perUnit === perUnit)!.table;
  return { unit: table(true), all: table(false) };
};

export const LEVELS: Record<Level, LevelInfo> = {
  day: { ms: DAY, tables: tablesOf("day"), time: "day", first: "firstMinute", last: "lastMinute" },
  hour: { ms: HOUR, tables: tablesOf("hour"), time: "hour", first: "firstMinute", last: "lastMinute" },
  minute: { ms: MINUTE, tables: tablesOf("minute"), time: "minute", first: "minute", last: "minute" },
};

export interface Span {
  level: Level;
  from: Date;
  to: Date;
}

const floorTo = (t: number, ms: number) => Math.floor(t / ms) * ms;
const ceilTo = (t: number, ms: number) => Math.ceil(t / ms) * ms;

/**
 * [from, to) as spans of the coarsest levels that fit (at most `coarsest`): whole days in the middle,
 * whole hours beside them, minutes at the ends. `from` and `to` must be whole minutes. Pure.
 */
export function spansOf(from: Date, to: Date, coarsest: Level = "day"): Span[] {
  const order: Level[] = ["day", "hour", "minute"];
  const levels = order.slice(order.indexOf(coarsest));
  const out: Span[] = [];
  const cover = (a: number, b: number, i: number): void => {
    if (a >= b) return;
    const level = levels[i]!;
    const { ms } = LEVELS[level];
    const [lo, hi] = [ceilTo(a, ms), floorTo(b, ms)];
    if (level === "minute") out.push({ level, from: new Date(a), to: new Date(b) });
    else if (lo >= hi) cover(a, b, i + 1);
    else {
      cover(a, lo, i + 1);
      out.push({ level, from: new Date(lo), to: new Date(hi) });
      cover(hi, b, i + 1);
    }
  };
  cover(from.getTime(), to.getTime(), 0);
  return out;
}

/**
 * Spans of several adjacent periods as one list, neighbours of the same level joined: [a, b) and
 * [b, c) in minutes read as one range scan. Every span starts and ends on its level's boundary, so a
 * row still lies wholly on one side of b (the tiles tell "before" from "now" by t >= b).
 */
export function joinSpans(...lists: Span[][]): Span[] {
  const out: Span[] = [];
  for (const s of lists.flat()) {
    const last = out.at(-1);
    if (last && last.level === s.level && last.to.getTime() === s.from.getTime())
      out[out.length - 1] = { ...last, to: s.to };
    else out.push(s);
  }
  return out;
}

/** The coarsest level whose rows each fall inside one chart step of `stepMs` (steps start on whole steps). */
export function coarsestFor(stepMs: number): Level {
  return stepMs % DAY === 0 ? "day" : stepMs % HOUR === 0 ? "hour" : "minute";
}

const COLUMNS = [
  ...["environment", "operation", "httpStatus", "errorGroup", "errorCode", "calls"],
  ...Array.from({ length: LATENCY_BUCKETS }, (_, i) => `l${i}`),
]
  .map((c) => `"${c}"`)
  .join(", ");
/** The same columns from either family, the units as a set ("msns") in both. */
const FAMILY_COLUMNS: Record<Family, Prisma.Sql> = {
  unit: Prisma.raw(`${COLUMNS}, ARRAY["msn"] AS "msns"`),
  all: Prisma.raw(`${COLUMNS}, "msns"`),
};

/**
 * One SELECT per span, glued with UNION ALL, every row in the same columns: "t" (the row's time),
 * "first" and "last" (its first and last minute), the key, "calls", l0 … l11 and "msns" (the row's
 * sales units). `where` ("AND …") is added to every branch (scope, errors only), so each branch uses
 * its own table's indexes; a "msn" condition needs the "unit" family.
 */
export function spansSql(
  spans: readonly Span[],
  where: Prisma.Sql = Prisma.empty,
  family: Family = "unit",
): Prisma.Sql {
  const columns = FAMILY_COLUMNS[family];
  if (spans.length === 0)
    return Prisma.sql`SELECT "minute" AS t, "minute" AS "first", "minute" AS "last", ${columns} FROM ${Prisma.raw(`"${LEVELS.minute.tables[family]}"`)} WHERE false`;
  return Prisma.join(
    spans.map((s) => {
      const l = LEVELS[s.level];
      const [table, time, first, last] = [l.tables[family], l.time, l.first, l.last].map((x) => Prisma.raw(`"${x}"`));
      return Prisma.sql`SELECT ${time} AS t, ${first} AS "first", ${last} AS "last", ${columns} FROM ${table}
        WHERE ${time} >= ${s.from} AND ${time} < ${s.to} ${where}`;
    }),
    " UNION ALL ",
  );
}
