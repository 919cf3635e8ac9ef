// The error dashboard's kept sums (lib/api-errors/dashboard-cache.ts): parts of a window merge to the
// whole, kept parts are bounded per client, and an hour a reader keeps is one every writer with
// a clock within the grace bumps when it writes there late (lib/api-log/rollups.ts).
import { describe, expect, it } from "vitest";
import { keepPart, keptPart, mergeParts, type Part, type TopPart } from "@/lib/api-errors/dashboard-cache";
import { CLOCK_GRACE_MS, readerOpenFrom, versionUpsert, writerOpenFrom } from "@/lib/api-log/rollups";
import { mulberry32 } from "@/lib/random";

const HOUR = 3_600_000;

const top = (over: Partial<TopPart>): TopPart => ({
  errorGroup: "Payment",
  errorCode: "61",
  httpStatus: 400,
  operation: "capture",
  msn: "212345",
  n: 1,
  first: 0,
  last: 0,
  ...over,
});

describe("mergeParts", () => {
  it("adds sums and keeps the earliest first and latest last seen, per key", () => {
    const a: Part = {
      counts: [
        { current: true, operation: "capture", calls: 3, errors: 1, client: 1, server: 0, network: 0, buckets: [1, 2] },
      ],
      series: [{ at: 10, errorGroup: "Payment", errorCode: "61", httpStatus: 400, n: 1 }],
      top: [top({ n: 2, first: 100, last: 200 })],
    };
    const b: Part = {
      counts: [
        { current: true, operation: "capture", calls: 4, errors: 2, client: 0, server: 2, network: 0, buckets: [0, 4] },
        {
          current: false,
          operation: "capture",
          calls: 1,
          errors: 0,
          client: 0,
          server: 0,
          network: 0,
          buckets: [1, 0],
        },
      ],
      series: [
        { at: 10, errorGroup: "Payment", errorCode: "61", httpStatus: 400, n: 5 },
        { at: 20, errorGroup: "Payment", errorCode: "61", httpStatus: 400, n: 1 },
      ],
      top: [top({ n: 3, first: 50, last: 150 }), top({ msn: "212346", n: 1, first: 300, last: 300 })],
    };
    const m = mergeParts([a, b]);
    expect(m.counts).toEqual([
      { current: true, operation: "capture", calls: 7, errors: 3, client: 1, server: 2, network: 0, buckets: [1, 6] },
      { current: false, operation: "capture", calls: 1, errors: 0, client: 0, server: 0, network: 0, buckets: [1, 0] },
    ]);
    expect(m.series.map((s) => [s.at, s.n])).toEqual([
      [10, 6],
      [20, 1],
    ]);
    expect(m.top.map((t) => [t.msn, t.n, t.first, t.last])).toEqual([
      ["212345", 5, 50, 200],
      ["212346", 1, 300, 300],
    ]);
    // The parts themselves are left as they were (a kept part is merged again at every read).
    expect(a.counts[0]!.calls).toBe(3);
    expect(a.top[0]!.n).toBe(2);
  });
});

describe("kept parts", () => {
  it("are kept per client with their stamp, the least recently used going first beyond 200", () => {
    const [c1, c2] = [{}, {}];
    const part: Part = { counts: [], series: [], top: [top({})] };
    keepPart(c1, "k", "1:5", part);
    expect(keptPart(c1, "k")).toEqual({ stamp: "1:5", part });
    expect(keptPart(c2, "k")).toBeUndefined();
    keepPart(c1, "k", "1:6", part);
    expect(keptPart(c1, "k")?.stamp).toBe("1:6");
    for (let i = 0; i < 199; i++) keepPart(c1, `x${i}`, "s", part);
    expect(keptPart(c1, "k")).toBeDefined(); // used: now the most recent
    keepPart(c1, "x199", "s", part);
    expect(keptPart(c1, "x0")).toBeUndefined();
    expect(keptPart(c1, "k")).toBeDefined();
  });
});

describe("which hours are over", () => {
  it("an hour a reader keeps is bumped by a writer whose clock is at most twice the grace behind", () => {
    const r = mulberry32(9);
    for (let i = 0; i < 20_000; i++) {
      const reader = Date.UTC(2026, 10, 1) + Math.floor(r() * 40 * 24 * HOUR);
      const writer = reader - Math.floor(r() * 2 * CLOCK_GRACE_MS);
      expect(readerOpenFrom(reader)).toBeLessThanOrEqual(writerOpenFrom(writer));
      expect(readerOpenFrom(reader) % HOUR).toBe(0);
    }
  });

  it("a batch bumps the hours that are over, once each, in order, and nothing for the open hour", () => {
    const now = Date.UTC(2026, 11, 1, 12, 30);
    const g = (iso: string) => ({
      minute: new Date(iso),
      msn: "212345",
      environment: "test" as const,
      operation: "capture",
      httpStatus: 200,
      errorGroup: "",
      errorCode: "",
      calls: 1,
      durationSumMs: 10,
      buckets: [1],
    });
    expect(versionUpsert([g("2026-12-01T12:29:00Z"), g("2026-12-01T12:00:00Z")], now, 3)).toBeNull();
    const sql = versionUpsert(
      [g("2026-12-01T12:29:00Z"), g("2026-12-01T09:59:00Z"), g("2026-11-30T23:01:00Z"), g("2026-12-01T09:00:00Z")],
      now,
      3,
    );
    expect(sql?.values).toEqual([3, ["2026-11-30T23:00:00.000Z", "2026-12-01T09:00:00.000Z"]]);
    // In an hour's last minutes (within the grace) the hour itself counts as over for writers.
    expect(versionUpsert([g("2026-12-01T12:56:00Z")], Date.UTC(2026, 11, 1, 12, 56), 0)?.values).toEqual([
      0,
      ["2026-12-01T12:00:00.000Z"],
    ]);
  });
});
