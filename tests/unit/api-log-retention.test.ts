// Retention settings and cut-offs of the API call log: raw calls whole UTC days (default 30, so the
// demo's 30 days survive the first start), rollups 13 months, and bad settings named in the one error.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { rawCutoff, rollupCutoff } from "@/lib/api-log/prune";

const DAY = 86_400_000;

describe("API log retention", () => {
  it("keeps raw calls 30 days by default; no pruning during next build", () => {
    expect(parseEnv({}).apiLog).toEqual({ retentionDays: 30, pruneEnabled: true });
    expect(parseEnv({ NEXT_PHASE: "phase-production-build" }).apiLog.pruneEnabled).toBe(false);
    expect(parseEnv({ API_LOG_RETENTION_DAYS: "7" }).apiLog.retentionDays).toBe(7);
  });

  it("refuses retention outside 1–366 whole days", () => {
    for (const days of ["0", "367", "abc", "2.5"])
      expect(() => parseEnv({ API_LOG_RETENTION_DAYS: days }), days).toThrow(/API_LOG_RETENTION_DAYS/);
  });

  it("cuts raw calls at the start of the UTC day N days back: days 0–N are kept whole", () => {
    const now = new Date("2026-11-21T10:00:00.000Z");
    expect(rawCutoff(now, 30).toISOString()).toBe("2026-10-22T00:00:00.000Z");
    // Anything seeded or accepted in the last 30 days (now − 30 × 24 h) is newer than the cut-off …
    expect(rawCutoff(now, 30).getTime()).toBeLessThanOrEqual(now.getTime() - 30 * DAY);
    // … also a run at the last millisecond of the day, and the day after it keeps them until midnight.
    const late = new Date("2026-11-21T23:59:59.999Z");
    expect(rawCutoff(late, 30).toISOString()).toBe("2026-10-22T00:00:00.000Z");
    expect(rawCutoff(new Date("2026-11-22T00:00:00.000Z"), 30).toISOString()).toBe("2026-10-23T00:00:00.000Z");
  });

  it("cuts rollups at the start of the month 13 months back, across a year and from a month's last day", () => {
    expect(rollupCutoff(new Date("2026-11-21T10:00:00Z")).toISOString()).toBe("2025-10-01T00:00:00.000Z");
    expect(rollupCutoff(new Date("2026-01-31T23:00:00Z")).toISOString()).toBe("2024-12-01T00:00:00.000Z");
    expect(rollupCutoff(new Date("2026-03-31T12:00:00Z")).toISOString()).toBe("2025-02-01T00:00:00.000Z");
    // 13 months of rollups always outlive the longest raw retention (366 days).
    const now = new Date("2026-03-01T00:00:00Z");
    expect(rollupCutoff(now).getTime()).toBeLessThan(rawCutoff(now, 366).getTime());
  });
});
