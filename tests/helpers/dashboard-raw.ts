// What an error dashboard must show, counted from the raw calls in JavaScript: tiles now and before,
// errors per bar, per operation, top errors with their units, first and last seen, "new" and the
// latest message of a code-less error. The rollup tests compare loadDashboard with it.
import { expect } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { Dashboard, DashboardFilter } from "@/lib/api-errors/dashboard";
import { latencyBucket, LATENCY_BUCKETS, minuteOf, quantileFromBuckets } from "@/lib/api-log/rollups";
import type { Actor } from "@/lib/auth/permissions";

const atOf = (x: Prisma.ApiCallLogCreateManyInput) => new Date(x.at!).getTime();
const isError = (x: Prisma.ApiCallLogCreateManyInput) => x.httpStatus === null || x.httpStatus! >= 400;

function totals(xs: Prisma.ApiCallLogCreateManyInput[]) {
  const buckets = new Array<number>(LATENCY_BUCKETS).fill(0);
  for (const x of xs) buckets[latencyBucket(x.durationMs)]!++;
  const status = (f: (s: number | null) => boolean) => xs.filter((x) => f(x.httpStatus ?? null)).length;
  return {
    calls: xs.length,
    errors: xs.filter(isError).length,
    client: status((s) => s !== null && s >= 400 && s < 500),
    server: status((s) => s !== null && s >= 500),
    network: status((s) => s === null),
    p95: quantileFromBuckets(buckets, 0.95),
  };
}

export function expectRawCounts(
  d: Dashboard,
  rows: readonly Prisma.ApiCallLogCreateManyInput[],
  who: Actor,
  filter: DashboardFilter,
): void {
  const mine = rows.filter(
    (x) =>
      (who.allSalesUnits || who.msns.includes(x.msn!)) && (!filter.environment || x.environment === filter.environment),
  );
  const [from, to] = [d.from.getTime(), d.to.getTime()];
  const inRange = mine.filter((x) => atOf(x) >= from && atOf(x) < to);
  const before = mine.filter((x) => atOf(x) >= 2 * from - to && atOf(x) < from);
  expect(d.now, "now").toEqual(totals(inRange));
  expect(d.before, "before").toEqual(totals(before));

  const perBar = d.series.map((b) => Object.values(b.counts).reduce((s, n) => s + n, 0));
  const wantBars = d.series.map(() => 0);
  for (const x of inRange.filter(isError)) wantBars[Math.floor((atOf(x) - from) / d.stepMs)]!++;
  expect(perBar, "errors per bar").toEqual(wantBars);

  for (const o of d.operations) {
    const xs = inRange.filter((x) => x.operation === o.operation);
    expect({ calls: o.calls, errors: o.errors }, o.operation).toEqual({
      calls: xs.length,
      errors: xs.filter(isError).length,
    });
  }
  expect(d.operations.reduce((s, o) => s + o.calls, 0)).toBe(inRange.length);

  // The 20 errors (key and operation) with the most calls, most first.
  const perError = new Map<string, number>();
  for (const x of inRange.filter(isError)) {
    const k = JSON.stringify([x.httpStatus ?? 0, x.errorGroup ?? "", x.errorCode ?? "", x.operation]);
    perError.set(k, (perError.get(k) ?? 0) + 1);
  }
  const largest = [...perError.values()].sort((a, b) => b - a).slice(0, 20);
  expect(
    d.top.map((t) => t.count),
    "the 20 largest",
  ).toEqual(largest);

  for (const t of d.top) {
    const same = (x: Prisma.ApiCallLogCreateManyInput) =>
      (x.httpStatus ?? 0) === t.httpStatus &&
      (x.errorGroup ?? "") === t.errorGroup &&
      (x.errorCode ?? "") === t.errorCode &&
      x.operation === t.operation;
    const xs = inRange.filter(same).map(atOf);
    const label = `${t.key} ${t.operation}`;
    expect(t.count, label).toBe(xs.length);
    expect(t.msns, `${label} units`).toEqual([...new Set(inRange.filter(same).map((x) => x.msn!))].sort());
    expect(t.firstSeen.getTime(), `${label} first`).toBe(minuteOf(new Date(Math.min(...xs))).getTime());
    expect(t.lastSeen.getTime(), `${label} last`).toBe(minuteOf(new Date(Math.max(...xs))).getTime() + 60_000);
    expect(t.isNew, `${label} new`).toBe(!mine.some((x) => same(x) && atOf(x) < from));
    // A code-less error's latest message in the range (of calls at the same time, the greatest).
    const messageOf = (x: Prisma.ApiCallLogCreateManyInput) => x.errorMessage ?? x.networkError ?? null;
    const latest = inRange
      .filter(same)
      .sort(
        (a, b) =>
          atOf(b) - atOf(a) ||
          ((messageOf(b) ?? "") > (messageOf(a) ?? "") ? 1 : (messageOf(b) ?? "") < (messageOf(a) ?? "") ? -1 : 0),
      )[0]!;
    expect(t.message, `${label} message`).toBe(t.errorGroup && t.errorCode ? null : messageOf(latest));
  }
}
