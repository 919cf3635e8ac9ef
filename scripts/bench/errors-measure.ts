// What the error-dashboard benchmark measures (scripts/bench-errors.ts): the /errors page's server
// work (loadDashboard, interleaved between two datasets), ingest through the POST /api/v1/api-calls
// handler, and freshness from a logged call to the 1-hour view that shows it.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { loadDashboard, type RangeName } from "@/lib/api-errors/dashboard";
import { createApiCallsHandler } from "@/lib/api-log/ingest-calls";
import { ROLLUP_LEVELS } from "@/lib/api-log/rollups";
import { rollupSink } from "@/lib/api-log/writer";
import { actorOf, actorUserInclude } from "@/lib/auth/actor-of";
import type { Actor } from "@/lib/auth/permissions";
import { createApiKey } from "@/lib/ingest/api-keys";
import { prng } from "./shape";
import { measureEach, summarize, type RunPlan, type Summary } from "./stats";

export const DASHBOARD_RANGES: readonly RangeName[] = ["1h", "24h", "7d", "30d"];

/**
 * "live": an open dashboard at the data's "now", refreshed as the UI does (the hours that are over
 * kept from the previous read, the last hour or so read again; lib/api-errors/dashboard-cache.ts).
 * "first": a first view (or the first after an hour turned): nothing kept yet, the whole window
 * read (split at the hour) and kept.
 */
export const DASHBOARD_VIEWS = ["live", "first"] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

export interface DashboardResult {
  range: RangeName;
  actor: "admin" | "developer";
  view: DashboardView;
  /** One per dataset, in the order given. */
  summaries: Summary[];
}

/** An admin (all sales units) and a developer scoped to `devMsns`, as users in `db`. */
export async function benchActors(
  db: PrismaClient,
  devMsns: readonly string[],
): Promise<{ admin: Actor; developer: Actor }> {
  const tag = randomUUID().slice(0, 8);
  const admin = await db.user.create({
    data: { email: `errors-bench-admin-${tag}@example.invalid`, name: "Bench admin", role: "admin", passwordHash: "x" },
    include: actorUserInclude,
  });
  const units = await db.salesUnit.findMany({ where: { msn: { in: [...devMsns] } }, select: { id: true } });
  const developer = await db.user.create({
    data: {
      email: `errors-bench-dev-${tag}@example.invalid`,
      name: "Bench developer",
      role: "developer",
      passwordHash: "x",
      salesUnits: { create: units.map((u) => ({ salesUnitId: u.id })) },
    },
    include: actorUserInclude,
  });
  return { admin: actorOf(admin), developer: actorOf(developer) };
}

/**
 * loadDashboard for every range × actor, the datasets measured in turn within each run (big,
 * small, big, …) so that load from elsewhere on the machine lands on all of them alike.
 */
export async function benchDashboard(
  sets: { db: PrismaClient; actors: { admin: Actor; developer: Actor }; nowMs: number }[],
  plan: RunPlan,
  ranges: readonly RangeName[],
  log: (line: string) => void,
): Promise<DashboardResult[]> {
  const results: DashboardResult[] = [];
  for (const view of DASHBOARD_VIEWS)
    for (const range of ranges)
      for (const actor of ["admin", "developer"] as const) {
        const summaries = await measureEach(plan, sets.length, (w) => {
          const now = new Date(sets[w]!.nowMs);
          return loadDashboard(sets[w]!.db, sets[w]!.actors[actor], { range }, now, {
            wall: now,
            keep: view === "live" ? "use" : "renew",
          });
        });
        results.push({ range, actor, view, summaries });
        log(
          `  ${view.padEnd(5)} ${range.padEnd(3)} ${actor.padEnd(9)} p50/p95 ${summaries.map((s) => `${s.p50}/${s.p95}`).join("  ")} ms`,
        );
      }
  return results;
}

export interface IngestResult {
  concurrency: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
}

/** A shop's batch of calls from the last few minutes (~6 % errors, some bodies to mask). */
function shopBatch(msns: readonly string[], size: number, seed: number, nowMs: number): string {
  const rnd = prng(seed);
  const ops = ["details", "capture", "initiate", "refund", "cancel"] as const;
  const calls = Array.from({ length: size }, (_, i) => {
    const op = ops[Math.floor(rnd() * ops.length)]!;
    const orderId = `ING-${seed}-${i}`;
    const e = rnd();
    const base = {
      at: new Date(nowMs - Math.floor(rnd() * 300_000)).toISOString(),
      msn: msns[Math.floor(rnd() * msns.length)]!,
      environment: "production",
      method: op === "details" ? "GET" : op === "cancel" ? "PUT" : "POST",
      path: op === "initiate" ? "/ecomm/v2/payments" : `/ecomm/v2/payments/${orderId}/${op}`,
      durationMs: Math.round(40 + rnd() * 400),
      requestId: `req-${seed}-${i}`,
      orderId,
      ...(rnd() < 0.1
        ? { requestBody: { amount: 49_900, transactionText: "Ordre", client_secret: "not-a-secret" } }
        : {}),
    };
    if (e < 0.03)
      return {
        ...base,
        httpStatus: 400,
        errorGroup: "Payment",
        errorCode: "61",
        errorMessage: "Captured amount exceeds the reserved amount",
        contextId: randomUUID(),
        responseBody: [{ errorGroup: "Payment", errorCode: "61", contextId: "c" }],
      };
    if (e < 0.05) return { ...base, httpStatus: 429, errorMessage: "Rate limit is exceeded" };
    if (e < 0.06) return { ...base, networkError: "timeout after 10000 ms", durationMs: 10_000 };
    return { ...base, httpStatus: 200 };
  });
  return JSON.stringify({ calls });
}

/**
 * Records/s through createApiCallsHandler (key check, validation, masking, writeCalls with the
 * rollups, audit) with batches of 1,000, from `concurrency` shops at once. The request bodies are
 * built before the clock starts; the route's per-key rate limit is left out.
 */
export async function benchIngest(
  db: PrismaClient,
  admin: Actor,
  msns: readonly string[],
  opts: { batches: number; concurrency: number; batchSize?: number },
): Promise<IngestResult> {
  const size = opts.batchSize ?? 1000;
  const { key } = await createApiKey(db, admin, {
    name: `bench-${randomUUID().slice(0, 6)}`,
    allSalesUnits: false,
    msns: [...msns],
  });
  const POST = createApiCallsHandler({ db: async () => db });
  const nowMs = Date.now();
  const bodies = Array.from({ length: opts.batches }, (_, i) => shopBatch(msns, size, (nowMs % 100_000) + i, nowMs));
  let stored = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      for (let body = bodies.pop(); body; body = bodies.pop()) {
        const res = await POST(
          new Request("http://app/api/v1/api-calls", {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body,
          }),
        );
        const json = (await res.json()) as { summary?: { stored: number } };
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(json)}`);
        stored += json.summary!.stored;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { concurrency: opts.concurrency, records: stored, seconds, recordsPerSecond: Math.round(stored / seconds) };
}

export const POLL_GAP_MS = 50;

/**
 * From sink.record() of a new error (the app's rollup sink: buffered, written with its rollups) to
 * the end of the first loadDashboard("1h") whose series holds it; polled every POLL_GAP_MS after
 * the previous read. Each probe is a new error code, so it is also "new" in the top errors.
 */
export async function benchFreshness(
  db: PrismaClient,
  admin: Actor,
  msn: string,
  trials: number,
): Promise<{ samples: number[]; summary: Summary }> {
  const sink = rollupSink(async () => db);
  const run = randomUUID().slice(0, 6);
  const samples: number[] = [];
  for (let i = 0; i < trials; i++) {
    const code = `${run}-${i}`;
    const t = performance.now();
    sink.record({
      at: new Date(),
      msn,
      environment: "production",
      operation: "capture",
      method: "POST",
      path: "/ecomm/v2/payments/{orderId}/capture",
      orderId: `FRESH-${code}`,
      httpStatus: 500,
      errorGroup: "BenchFresh",
      errorCode: code,
      errorMessage: "freshness probe",
      contextId: null,
      networkError: null,
      durationMs: 100,
      attempt: 1,
      requestId: null,
      requestBody: null,
      responseBody: null,
    });
    for (;;) {
      const d = await loadDashboard(db, admin, { range: "1h" });
      if (d.keys.includes(`BenchFresh/${code}`)) break;
      if (performance.now() - t > 30_000) throw new Error(`probe ${code} not seen after 30 s`);
      // A gap between reads, so the sink's transaction gets PGlite's one connection in time.
      await new Promise((r) => setTimeout(r, POLL_GAP_MS));
    }
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 100 + (i % 5) * 80));
  }
  await sink.flush();
  return { samples, summary: summarize(samples) };
}

/**
 * Whether every raw call is counted once in every rollup level (after ingest and the probes): the raw
 * count, and the first level's sum that differs from it (else the raw count).
 */
export async function rollupsMatchRaw(db: PrismaClient): Promise<{ raw: number; rolledUp: number }> {
  const sums = ROLLUP_LEVELS.map(({ table }) => `(SELECT coalesce(sum("calls"), 0) FROM "${table}")::bigint`);
  const [r] = await db.$queryRawUnsafe<{ raw: bigint; sums: bigint[] }[]>(
    `SELECT (SELECT count(*) FROM "ApiCallLog") AS raw, ARRAY[${sums.join(", ")}] AS sums`,
  );
  const raw = Number(r!.raw);
  return { raw, rolledUp: r!.sums.map(Number).find((n) => n !== raw) ?? raw };
}
