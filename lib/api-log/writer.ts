// Writes ApiCallRecords to the ApiCallLog table in the background: buffered, in batches with
// createMany, never throwing into (or slowing) the API call that produced them.
import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { MaskedJson } from "./mask";
import { writeCalls } from "./rollups";
import type { ApiCallRecord, ApiLogSink } from "./types";

/** The one thing the writer needs from Prisma; a PrismaClient fits. */
export interface ApiLogDb {
  apiCallLog: { createMany(args: { data: Prisma.ApiCallLogCreateManyInput[] }): PromiseLike<unknown> };
}

export interface DbApiLogSinkOptions<D extends ApiLogDb = ApiLogDb> {
  /** How a batch is written (default: createMany); the app writes the rollups with it (lib/api-log/rollups.ts). */
  write?: (db: D, rows: Prisma.ApiCallLogCreateManyInput[]) => Promise<void>;
  /** Rows per createMany; reaching it starts a write at once. */
  batchSize?: number;
  /** How long a record may wait for companions before it is written. */
  flushIntervalMs?: number;
  /** When the database is away, the oldest records beyond this are dropped (and counted). */
  maxBuffered?: number;
  /** A record that was in this many failed writes is dropped, so one bad row cannot block the rest. */
  maxTries?: number;
  /** Where problems are reported; one line per outage, never a body. */
  report?: (message: string) => void;
}

export interface ApiLogSinkStats {
  buffered: number;
  written: number;
  dropped: number;
  failedWrites: number;
}

const MAX_BODY_CHARS = 64_000;
const MAX_BACKOFF_MS = 5_000;

// Column sizes from prisma/schema.prisma: a longer value would fail the whole batch.
function cut(value: string | null, max: number): string | null {
  return value === null ? null : clean(value).slice(0, max);
}
// PostgreSQL text and jsonb refuse NUL characters.
function clean(value: string): string {
  return value.replace(/\u0000/g, "\uFFFD");
}
function cleanJson(value: unknown): unknown {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), cleanJson(v)]));
  }
  return value;
}
function body(value: MaskedJson | null): Prisma.InputJsonValue | undefined {
  if (value === null) return undefined;
  const text = JSON.stringify(value);
  if (text.length > MAX_BODY_CHARS)
    return { truncated: true, chars: text.length, preview: clean(text.slice(0, 4_000)) };
  return cleanJson(value) as Prisma.InputJsonValue;
}
/**
 * No code where a call has none of its own: a gateway answer's status repeated as its code (as a shop
 * may send it, and as our eCom client once filed it) is left out, so "HTTP 401" is one error whoever
 * logged it. Codes of the token endpoint ("invalid_client") and of Vipps groups stay.
 */
function ownCode(r: ApiCallRecord): string | null {
  if (r.errorGroup == null && r.errorCode != null && r.errorCode === String(r.httpStatus)) return null;
  return cut(r.errorCode, 40);
}
const int32 = (n: number) => Math.min(Math.max(Math.round(n), 0), 2_147_483_647);

export function toRow(r: ApiCallRecord): Prisma.ApiCallLogCreateManyInput {
  return {
    at: r.at,
    msn: cut(r.msn, 10),
    environment: r.environment,
    operation: cut(r.operation, 40) ?? "",
    method: cut(r.method, 8) ?? "",
    path: cut(r.path, 200) ?? "",
    orderId: cut(r.orderId, 50),
    httpStatus: r.httpStatus,
    errorGroup: cut(r.errorGroup, 40),
    errorCode: ownCode(r),
    errorMessage: cut(r.errorMessage, 2_000),
    contextId: cut(r.contextId, 100),
    networkError: cut(r.networkError, 200),
    durationMs: int32(r.durationMs),
    attempt: int32(r.attempt),
    requestId: cut(r.requestId, 40),
    requestBody: body(r.requestBody),
    responseBody: body(r.responseBody),
    source: r.source ?? "app",
  };
}

function errorKind(error: unknown): string {
  // Name and code only: Prisma's messages can quote the rows, bodies included.
  const name = error instanceof Error ? error.name : typeof error;
  const code =
    error !== null && typeof error === "object" && "code" in error && typeof error.code === "string"
      ? ` ${error.code}`
      : "";
  return `${name}${code}`;
}

export class DbApiLogSink<D extends ApiLogDb = ApiLogDb> implements ApiLogSink {
  private buffer: { record: ApiCallRecord; tries: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private failing = false;
  private consecutiveFailures = 0;
  private readonly counts = { written: 0, dropped: 0, failedWrites: 0 };
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;
  private readonly maxTries: number;
  private readonly report: (message: string) => void;
  private readonly write: (db: D, rows: Prisma.ApiCallLogCreateManyInput[]) => Promise<void>;

  constructor(
    private readonly getDb: () => Promise<D>,
    options: DbApiLogSinkOptions<D> = {},
  ) {
    this.write = options.write ?? (async (d, rows) => void (await d.apiCallLog.createMany({ data: rows })));
    this.batchSize = Math.max(1, options.batchSize ?? 100);
    this.flushIntervalMs = Math.max(0, options.flushIntervalMs ?? 200);
    this.maxBuffered = Math.max(1, options.maxBuffered ?? 10_000);
    this.maxTries = Math.max(1, options.maxTries ?? 20);
    this.report = options.report ?? ((m) => console.error(m));
  }

  record(entry: ApiCallRecord): void {
    this.buffer.push({ record: entry, tries: 0 });
    if (this.buffer.length > this.maxBuffered) {
      const excess = this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, excess);
      this.counts.dropped += excess;
    }
    if (this.failing) this.schedule(this.backoff());
    else this.schedule(this.buffer.length >= this.batchSize ? 0 : this.flushIntervalMs);
  }

  /** Writes everything buffered now (one attempt per batch) and waits for it. Never throws. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    await this.drain();
  }

  stats(): ApiLogSinkStats {
    return { buffered: this.buffer.length, ...this.counts };
  }

  private schedule(delayMs: number): void {
    if (this.writing) return; // the running drain picks the new records up
    if (this.timer) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delayMs);
    // A pending log write must not keep a script or test process alive.
    this.timer.unref?.();
  }

  private backoff(): number {
    return Math.min(Math.max(this.flushIntervalMs, 50) * 2 ** this.consecutiveFailures, MAX_BACKOFF_MS);
  }

  private drain(): Promise<void> {
    this.writing ??= this.writeAll().finally(() => {
      this.writing = undefined;
      if (this.buffer.length > 0) this.schedule(this.failing ? this.backoff() : this.flushIntervalMs);
    });
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        const client = await this.getDb();
        await this.write(
          client,
          batch.map((b) => toRow(b.record)),
        );
        this.counts.written += batch.length;
        if (this.failing) this.report(`api-log: writing again; ${this.counts.dropped} record(s) dropped so far`);
        this.failing = false;
        this.consecutiveFailures = 0;
      } catch (error) {
        this.counts.failedWrites += 1;
        this.consecutiveFailures += 1;
        const kept = batch.filter((b) => ++b.tries < this.maxTries);
        this.counts.dropped += batch.length - kept.length;
        this.buffer.unshift(...kept);
        if (!this.failing) {
          this.report(
            `api-log: could not write ${batch.length} API call record(s) (${errorKind(error)}); keeping up to ${this.maxBuffered} and retrying`,
          );
        }
        this.failing = true;
        return;
      }
    }
  }
}

/** A sink writing raw calls and their per-minute rollups together: what every real writer uses. */
export function rollupSink(
  getDb: () => Promise<PrismaClient>,
  options: Omit<DbApiLogSinkOptions<PrismaClient>, "write"> = {},
): DbApiLogSink<PrismaClient> {
  return new DbApiLogSink(getDb, { ...options, write: writeCalls });
}

let shared: DbApiLogSink<PrismaClient> | undefined;

/** The app's sink, writing through the app's database client. */
export function apiLogSink(): DbApiLogSink<PrismaClient> {
  shared ??= rollupSink(db);
  return shared;
}
