// The kept totals read whole months from the monthly table and the days at either end from the
// daily one: for any range, the pieces cover exactly its days, each once.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { splitByMonth, type DayRange } from "@/lib/payments/history/totals";

const DAY = 86_400_000;
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);
const START = Date.UTC(2025, 11, 1); // 2025-12-01
const END = Date.UTC(2027, 2, 31); // 2027-03-31, past a leap-free February and a year end
const everyDay = Array.from({ length: (END - START) / DAY + 1 }, (_, i) => ymd(START + i * DAY));
const inRange = (d: string, r: DayRange) => (r.from === null || d >= r.from) && (r.to === null || d <= r.to);

/** How many pieces cover each day: months expand to their days. */
function coverage(range: DayRange) {
  const { months, days } = splitByMonth(range);
  return everyDay.map((d) => {
    let n = days.filter((r) => inRange(d, r)).length;
    if (months && inRange(`${d.slice(0, 7)}-01`, months)) n += 1;
    return n;
  });
}

describe("splitByMonth", () => {
  it("covers every day of random ranges exactly once, and nothing outside them", () => {
    const rnd = mulberry32(7);
    const pick = () => everyDay[Math.floor(rnd() * everyDay.length)]!;
    for (let i = 0; i < 2000; i++) {
      const a = pick();
      const b = pick();
      const range: DayRange = {
        from: rnd() < 0.15 ? null : a < b ? a : b,
        to: rnd() < 0.15 ? null : a < b ? b : a,
      };
      const got = coverage(range);
      everyDay.forEach((d, k) => expect(got[k], `${d} in ${JSON.stringify(range)}`).toBe(inRange(d, range) ? 1 : 0));
    }
  });

  it("reads whole months from the monthly totals and only the edge days from the daily ones", () => {
    expect(splitByMonth({ from: "2026-01-15", to: "2026-04-10" })).toEqual({
      months: { from: "2026-02-01", to: "2026-03-01" },
      days: [
        { from: "2026-01-15", to: "2026-01-31" },
        { from: "2026-04-01", to: "2026-04-10" },
      ],
    });
    expect(splitByMonth({ from: "2026-02-01", to: "2026-02-28" })).toEqual({
      months: { from: "2026-02-01", to: "2026-02-01" },
      days: [],
    });
    expect(splitByMonth({ from: null, to: null })).toEqual({ months: { from: null, to: null }, days: [] });
    // Inside one month: days only.
    expect(splitByMonth({ from: "2026-03-03", to: "2026-03-30" })).toEqual({
      months: null,
      days: [{ from: "2026-03-03", to: "2026-03-30" }],
    });
  });
});
