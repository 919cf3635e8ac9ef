// Retention of the API call log: raw calls for API_LOG_RETENTION_DAYS (default 30), rollups (every
// level, lib/api-log/rollups.ts, and ApiCallErrorSeen by its latest call) for 13 months, so the dashboard's long ranges outlive the raw rows. Deleted in bounded batches
// (one short statement each, oldest first along the time index), with FOR UPDATE SKIP LOCKED so that
// several app instances pruning at once take different rows and never wait on each other.
// Why batched DELETEs and not PostgreSQL partitions: ARCHITECTURE.md, "Retention".
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { ERROR_SEEN, ROLLUP_LEVELS, VERSIONS } from "./rollups";

export const ROLLUP_RETENTION_MONTHS = 13;
const DAY = 86_400_000;

/**
 * Raw calls older than this go: the start of the UTC day `days` days before today, so every call is
 * kept at least `days` full days — days 0 to `days` inclusive (what the ingest API accepts, and the
 * demo's 30 days, all survive the first run).
 */
export function rawCutoff(now: Date, days: number): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY - days * DAY);
}

/** Rollups older than this go: the start of the UTC month `months` months before this one (≥ 13 months kept). */
export function rollupCutoff(now: Date, months = ROLLUP_RETENTION_MONTHS): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}

export interface PruneOptions {
  retentionDays: number;
  now?: Date;
  /** Rows per DELETE statement. */
  batch?: number;
  /** Statements per table and run; what is left waits for the next run. */
  maxBatches?: number;
}

export interface PruneResult {
  calls: number;
  rollups: number;
  /** Closed error-spike alerts older than the rollups. */
  alerts: number;
  callsBefore: Date;
  rollupsBefore: Date;
  /** False when maxBatches stopped a table with rows still to go. */
  done: boolean;
}

type Db = Pick<PrismaClient, "$executeRaw">;

async function inBatches(deleteBatch: () => Promise<number>, batch: number, maxBatches: number) {
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await deleteBatch();
    deleted += n;
    if (n < batch) return { deleted, done: true };
  }
  return { deleted, done: false };
}

export async function pruneApiLog(db: Db, o: PruneOptions): Promise<PruneResult> {
  const now = o.now ?? new Date();
  const batch = o.batch ?? 10_000;
  const maxBatches = o.maxBatches ?? 100;
  const callsBefore = rawCutoff(now, o.retentionDays);
  const rollupsBefore = rollupCutoff(now);
  const calls = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "ApiCallLog" WHERE "id" IN (
        SELECT "id" FROM "ApiCallLog" WHERE "at" < ${callsBefore}
        ORDER BY "at" LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,
    batch,
    maxBatches,
  );
  // No single-column key: the row's ctid (stable while the row is locked by this very statement).
  const rollupLevel = (table: string, time: string) => {
    const [t, c] = [Prisma.raw(`"${table}"`), Prisma.raw(`"${time}"`)];
    return inBatches(
      () => db.$executeRaw`
        DELETE FROM ${t} WHERE ctid = ANY (ARRAY(
          SELECT ctid FROM ${t} WHERE ${c} < ${rollupsBefore} ORDER BY ${c} LIMIT ${batch} FOR UPDATE SKIP LOCKED))`,
      batch,
      maxBatches,
    );
  };
  const levels = [];
  for (const { table, time } of ROLLUP_LEVELS) levels.push(await rollupLevel(table, time));
  // Each error key's first/latest call per unit (ApiCallErrorSeen) lives as long as its latest call's rollups.
  levels.push(await rollupLevel(ERROR_SEEN.table, ERROR_SEEN.time));
  // Hour versions (what the dashboard's kept sums are checked against) go with their hours' rollups.
  levels.push(await rollupLevel(VERSIONS.table, VERSIONS.time));
  // Closed spike alerts live as long as the rollups they were read from; open ones always stay.
  const alerts = await inBatches(
    () => db.$executeRaw`
      DELETE FROM "SpikeAlert" WHERE "id" IN (
        SELECT "id" FROM "SpikeAlert" WHERE "closedAt" < ${rollupsBefore}
        ORDER BY "openedAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,
    batch,
    maxBatches,
  );
  return {
    calls: calls.deleted,
    rollups: levels.reduce((n, l) => n + l.deleted, 0),
    alerts: alerts.deleted,
    callsBefore,
    rollupsBefore,
    done: calls.done && levels.every((l) => l.done) && alerts.done,
  };
}

/** The one line a run logs: counts and cut-offs, never a row. */
export function describePrune(r: PruneResult, ms: number): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (
    `[api-log] pruned ${r.calls} call(s) before ${day(r.callsBefore)} and ${r.rollups} rollup row(s) before ` +
    `${day(r.rollupsBefore)}` +
    (r.alerts ? ` and ${r.alerts} closed spike alert(s)` : "") +
    ` in ${ms} ms${r.done ? "" : "; more left for the next run"}`
  );
}
