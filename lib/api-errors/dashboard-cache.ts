// What the error dashboard summed for the hours that are over, kept per database client so that a
// live dashboard (refreshed every few seconds, lib/api-errors/dashboard-types.ts LIVE_REFRESH_MS) reads
// only the last hour or so of rollup rows. A 30-day view otherwise sums about 30 day rows per error
// key, unit and operation on every refresh, and that is what grows with the traffic (npm run bench --
// errors). The idea of a metrics query frontend's results cache, split at an hour.
//
// Exact, never stale: a part is reused only while the versions of its hours (ApiCallVersion) are
// unchanged, and writeCalls bumps an hour's version whenever it writes to an hour that is over (a late
// call; lib/api-log/rollups.ts, versionUpsert, with a grace for clocks that disagree). The versions
// are read before the rows a part is summed from, so a kept part is never older than its versions.
// Pure functions and an in-memory map: every app instance keeps its own; they agree through the versions.
import "server-only";

/** Per operation, in the range ("current") or in the period before it. */
export interface CountPart {
  current: boolean;
  operation: string;
  calls: number;
  errors: number;
  client: number;
  server: number;
  network: number;
  buckets: number[];
}
/** Errors of one key in one chart bar (epoch ms). */
export interface SeriesPart {
  at: number;
  errorGroup: string;
  errorCode: string;
  httpStatus: number;
  n: number;
}
/** Errors of one key and operation in one unit ("" over all units), with their first and last minute. */
export interface TopPart {
  errorGroup: string;
  errorCode: string;
  httpStatus: number;
  operation: string;
  msn: string;
  n: number;
  first: number;
  last: number;
}
export interface Part {
  counts: CountPart[];
  series: SeriesPart[];
  top: TopPart[];
}

/** Rows summed per key into shallow copies (`add` replaces arrays, never changes them: a kept part's rows stay as they were). */
function groupBy<T extends object>(rows: readonly T[], key: (r: T) => string, add: (into: T, r: T) => void): T[] {
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const have = out.get(k);
    if (have) add(have, r);
    else out.set(k, { ...r });
  }
  return [...out.values()];
}

/** Parts of adjacent periods as one: every sum added, first and last seen the earliest and latest. */
export function mergeParts(parts: readonly Part[]): Part {
  const keyOf = (r: { errorGroup: string; errorCode: string; httpStatus: number }) =>
    `${r.errorGroup}\u0000${r.errorCode}\u0000${r.httpStatus}`;
  return {
    counts: groupBy(
      parts.flatMap((p) => p.counts),
      (r) => `${r.current}\u0000${r.operation}`,
      (a, r) => {
        for (const k of ["calls", "errors", "client", "server", "network"] as const) a[k] += r[k];
        a.buckets = r.buckets.map((b, i) => (a.buckets[i] ?? 0) + b);
      },
    ),
    series: groupBy(
      parts.flatMap((p) => p.series),
      (r) => `${r.at}\u0000${keyOf(r)}`,
      (a, r) => void (a.n += r.n),
    ),
    top: groupBy(
      parts.flatMap((p) => p.top),
      (r) => `${keyOf(r)}\u0000${r.operation}\u0000${r.msn}`,
      (a, r) => {
        a.n += r.n;
        a.first = Math.min(a.first, r.first);
        a.last = Math.max(a.last, r.last);
      },
    ),
  };
}

/** Parts kept per database client (a PrismaClient): at most MAX_KEPT, the least recently used go first. */
const MAX_KEPT = 200;
const kept = new WeakMap<object, Map<string, Kept>>();

export interface Kept {
  stamp: string;
  part: Part;
}

/** The part kept under `key`, of whatever stamp (the caller compares it), now the most recently used. */
export function keptPart(client: object, key: string): Kept | undefined {
  const parts = kept.get(client);
  const hit = parts?.get(key);
  if (!parts || !hit) return undefined;
  parts.delete(key);
  parts.set(key, hit); // most recently used last
  return hit;
}

export function keepPart(client: object, key: string, stamp: string, part: Part): void {
  let parts = kept.get(client);
  if (!parts) kept.set(client, (parts = new Map()));
  parts.delete(key);
  parts.set(key, { stamp, part });
  while (parts.size > MAX_KEPT) parts.delete(parts.keys().next().value!);
}
