// spansOf: a period as whole UTC days, hours beside them and minutes at the ends — contiguous,
// aligned to its level, and never coarser than asked.
import { describe, expect, it } from "vitest";
import { coarsestFor, joinSpans, LEVELS, spansOf, type Level } from "@/lib/api-errors/spans";
import { mulberry32 } from "@/lib/random";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);

describe("spansOf", () => {
  it("splits a 30-day view into hours, whole days and hours", () => {
    const s = spansOf(at("2026-10-31T16:00:00Z"), at("2026-11-30T16:00:00Z"));
    expect(s.map((x) => [x.level, x.from.toISOString(), x.to.toISOString()])).toEqual([
      ["hour", "2026-10-31T16:00:00.000Z", "2026-11-01T00:00:00.000Z"],
      ["day", "2026-11-01T00:00:00.000Z", "2026-11-30T00:00:00.000Z"],
      ["hour", "2026-11-30T00:00:00.000Z", "2026-11-30T16:00:00.000Z"],
    ]);
  });

  it("uses minutes only where a period holds no whole hour", () => {
    expect(spansOf(at("2026-11-30T12:31:00Z"), at("2026-11-30T13:30:00Z")).map((x) => x.level)).toEqual(["minute"]);
    expect(spansOf(at("2026-11-30T12:31:00Z"), at("2026-11-30T14:30:00Z")).map((x) => x.level)).toEqual([
      "minute",
      "hour",
      "minute",
    ]);
  });

  it("covers any period exactly, each span aligned to its level and no coarser than asked", () => {
    const r = mulberry32(5);
    for (let i = 0; i < 2000; i++) {
      const a = Math.floor((Date.UTC(2026, 0, 1) + r() * 90 * DAY) / MIN) * MIN;
      const b = a + Math.floor((r() * r() * 40 * DAY) / MIN) * MIN;
      const coarsest = (["day", "hour", "minute"] as Level[])[i % 3]!;
      const spans = spansOf(new Date(a), new Date(b), coarsest);
      let t = a;
      for (const s of spans) {
        expect(s.from.getTime()).toBe(t);
        expect(s.to.getTime()).toBeGreaterThan(t);
        const ms = LEVELS[s.level].ms;
        expect(s.from.getTime() % ms).toBe(0);
        expect(s.to.getTime() % ms).toBe(0);
        expect(ms).toBeLessThanOrEqual(LEVELS[coarsest].ms);
        t = s.to.getTime();
      }
      expect(t).toBe(b);
    }
  });

  it("lets a chart read a level only when its rows fit inside one bar", () => {
    expect(coarsestFor(MIN)).toBe("minute");
    expect(coarsestFor(15 * MIN)).toBe("minute");
    expect(coarsestFor(8 * HOUR)).toBe("hour");
    expect(coarsestFor(DAY)).toBe("day");
  });

  it("joins neighbouring spans of one level: the hour before and the last hour read as one minute range", () => {
    const [a, b, c] = [at("2026-11-30T11:13:00Z"), at("2026-11-30T12:13:00Z"), at("2026-11-30T13:13:00Z")];
    expect(joinSpans(spansOf(a, b), spansOf(b, c))).toEqual([{ level: "minute", from: a, to: c }]);
    // Different levels side by side stay apart.
    const d = at("2026-11-30T00:00:00Z");
    expect(joinSpans(spansOf(at("2026-11-28T00:00:00Z"), d), spansOf(d, c)).map((x) => x.level)).toEqual([
      "day",
      "hour",
      "minute",
    ]);
  });
});
