import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/payments/history/cursor";
import { parseHistoryParams, type RawSearchParams } from "@/lib/payments/history/params";
import { EMPTY_STATE, historyExportHref, historyHref, historySearchParams } from "@/lib/payments/history/url";

const key = randomBytes(32);
const MSN = "212345";
const OTHER = "212348";
/** A fixed "now": 2026-03-10 10:00 in Oslo. */
const NOW = new Date("2026-03-10T09:00:00Z");
const parse = (raw: RawSearchParams, now = NOW) => parseHistoryParams(raw, key, { msns: [MSN, OTHER], now });
const codes = (raw: RawSearchParams) => parse(raw).problems.map((p) => `${p.param}:${p.code}`);

describe("history search params: defaults and statuses", () => {
  it("no params: every status, no filters, newest first, first page, no problems", () => {
    const p = parse({});
    expect(p.problems).toEqual([]);
    expect(p.query).toEqual({
      filters: {
        msn: null,
        statuses: [],
        createdFrom: null,
        createdBefore: null,
        fromDay: null,
        toDay: null,
        minOre: null,
        maxOre: null,
        text: null,
      },
      sort: "date",
      dir: "desc",
      size: 50,
      page: null,
    });
    expect(p.state).toMatchObject(EMPTY_STATE);
  });

  it("blank fields from a submitted GET form count as absent", () => {
    const p = parse(new URLSearchParams("from=&to=&min=&max=&q=&status="));
    expect(p.problems).toEqual([]);
    expect(p.query.filters).toEqual(parse({}).query.filters);
  });

  it("reads statuses repeated or comma-separated, de-duplicated, in a fixed order", () => {
    expect(
      parse(new URLSearchParams("status=refunded&status=captured,reserved&status=captured")).query.filters.statuses,
    ).toEqual(["reserved", "captured", "refunded"]);
  });

  it("skips an unknown status with a problem naming it, and keeps the valid ones", () => {
    const p = parse({ status: ["captured", "CAPTURED", "<script>", "paid"] });
    expect(p.query.filters.statuses).toEqual(["captured"]);
    expect(p.problems.map((x) => x.value)).toEqual(["CAPTURED", "<script>", "paid"]);
    expect(p.problems.every((x) => x.code === "status")).toBe(true);
  });

  it("takes the first of a repeated single-valued param", () => {
    expect(parse(new URLSearchParams("q=first&q=second")).query.filters.text).toBe("first");
  });
});

describe("history search params: dates in Oslo time", () => {
  it("turns calendar dates into instants at Oslo midnight, the to-date inclusive", () => {
    const winter = parse({ from: "2026-01-15", to: "2026-01-15" }).query.filters;
    expect(winter.createdFrom?.toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(winter.createdBefore?.toISOString()).toBe("2026-01-15T23:00:00.000Z");
    const summer = parse({ from: "2026-07-01" }).query.filters;
    expect(summer.createdFrom?.toISOString()).toBe("2026-06-30T22:00:00.000Z");
  });

  it("handles the days summer time starts and ends (23- and 25-hour days)", () => {
    const spring = parse({ from: "2026-03-29", to: "2026-03-29" }).query.filters;
    expect(spring.createdFrom?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(spring.createdBefore?.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    const autumn = parse({ from: "2026-10-25", to: "2026-10-25" }).query.filters;
    expect(autumn.createdFrom?.toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(autumn.createdBefore?.toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it.each(["2026-02-30", "2026-13-01", "29.03.2026", "2026-3-9", "1999-12-31", "2026-03-29T00:00", "'; DROP TABLE"])(
    "refuses %s as a date",
    (value) => {
      const p = parse({ from: value });
      expect(p.query.filters.createdFrom).toBeNull();
      expect(p.problems).toEqual([{ param: "from", code: "date", value }]);
      expect(p.input.from).toBe(value);
    },
  );

  it("drops both dates when from is after to", () => {
    const p = parse({ from: "2026-05-02", to: "2026-05-01" });
    expect(p.query.filters).toMatchObject({ createdFrom: null, createdBefore: null });
    expect(codes({ from: "2026-05-02", to: "2026-05-01" })).toEqual(["to:dateOrder"]);
    expect(p.state.from).toBeUndefined();
  });
});

describe("history search params: amounts typed in kroner", () => {
  it.each([
    ["1 234,50", 123450],
    ["1234.5", 123450],
    ["12", 1200],
    ["0", 0],
    ["0,05", 5],
    ["99 kr", 9900],
    ["21474836,47", 2147483647],
  ])("%s → %i øre", (typed, ore) => {
    const p = parse({ min: typed });
    expect(p.problems).toEqual([]);
    expect(p.query.filters.minOre).toBe(ore);
    expect(Number.isInteger(p.query.filters.minOre)).toBe(true);
    expect(p.state.min).toBe(typed);
  });

  it("never goes through floats (0.29 kroner is 29 øre, not 28.999…)", () => {
    expect(parse({ max: "0.29" }).query.filters.maxOre).toBe(29);
    expect(parse({ max: "1,15" }).query.filters.maxOre).toBe(115);
  });

  it.each(["abc", "-5", "1,234,5", "1e3", "12.345", "NaN", "Infinity", "0x10", "١٢"])(
    "refuses %s as an amount",
    (typed) => {
      const p = parse({ max: typed });
      expect(p.query.filters.maxOre).toBeNull();
      expect(codes({ max: typed })).toEqual(["max:amount"]);
    },
  );

  it("refuses amounts no payment can have (beyond a 32-bit integer of øre)", () => {
    expect(codes({ min: "21474836,48" })).toEqual(["min:amountTooLarge"]);
    expect(codes({ min: "999999999999" })).toEqual(["min:amountTooLarge"]);
    expect(parse({ min: "999999999999" }).query.filters.minOre).toBeNull();
  });

  it("drops both amounts when min is above max", () => {
    const p = parse({ min: "500", max: "100" });
    expect(p.query.filters).toMatchObject({ minOre: null, maxOre: null });
    expect(p.problems.map((x) => x.code)).toEqual(["amountOrder"]);
  });
});

describe("history search params: text, sort, direction", () => {
  it("trims the text and keeps wildcards as typed (the query escapes them)", () => {
    expect(parse({ q: "  DBL-7  " }).query.filters.text).toBe("DBL-7");
    expect(parse({ q: "100%_" }).query.filters.text).toBe("100%_");
  });

  it("refuses text longer than 100 characters or with control characters", () => {
    expect(codes({ q: "x".repeat(101) })).toEqual(["q:text"]);
    expect(parse({ q: "x".repeat(100) }).query.filters.text).toHaveLength(100);
    expect(codes({ q: "a\u0000b" })).toEqual(["q:text"]);
    expect(parse({ q: "x".repeat(500) }).problems[0]!.value.length).toBeLessThanOrEqual(40);
  });

  it("sorts by amount, date, status, captured or refunded in either direction; anything else falls back with a problem", () => {
    expect(parse({ sort: "amount", dir: "asc" }).query).toMatchObject({ sort: "amount", dir: "asc" });
    for (const sort of ["status", "captured", "refunded"] as const)
      expect(parse({ sort }).query).toMatchObject({ sort, dir: "desc" });
    const p = parse({ sort: "amount; DROP", dir: "sideways" });
    expect(p.query).toMatchObject({ sort: "date", dir: "desc" });
    expect(p.problems.map((x) => x.code)).toEqual(["sort", "dir"]);
  });

  it("never throws, whatever the URL holds", () => {
    const plausible = fc.constantFrom(
      "captured",
      "refunded,reserved",
      "2026-03-29",
      "2026-02-30",
      "1 234,50",
      "99",
      "amount",
      "asc",
      MSN,
      "7d",
      "month",
      "100",
      "1000",
      " ",
      "",
    );
    const value = fc.oneof(
      plausible,
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.array(fc.oneof(plausible, fc.string()), { maxLength: 3 }),
    );
    const names = fc.constantFrom(
      "msn",
      "status",
      "range",
      "from",
      "to",
      "min",
      "max",
      "q",
      "sort",
      "dir",
      "size",
      "after",
      "before",
      "other",
    );
    fc.assert(
      fc.property(fc.dictionary(names, value), (raw) => {
        const p = parse(raw);
        expect(Number.isSafeInteger(p.query.filters.minOre ?? 0)).toBe(true);
        // What survives validation parses again to the same thing, without problems.
        const again = parse(historySearchParams({ ...p.state, after: undefined, before: undefined }));
        expect(again.problems).toEqual([]);
        expect(again.query.filters).toEqual(p.query.filters);
      }),
      { numRuns: 300 },
    );
  });
});

describe("history URLs", () => {
  const state = parse(
    new URLSearchParams(
      "msn=212345&status=captured&status=refunded&from=2026-01-01&min=10&q=abc&sort=amount&dir=asc&size=25",
    ),
  ).state;

  it("round-trips the state through the URL", () => {
    expect(parse(historySearchParams(state)).state).toEqual(state);
  });

  it("leaves defaults out, so the bare URL is the canonical first page", () => {
    expect(historyHref(EMPTY_STATE)).toBe("/history");
    expect(historyHref(state)).toBe(
      "/history?msn=212345&status=captured&status=refunded&from=2026-01-01&min=10&q=abc&sort=amount&dir=asc&size=25",
    );
  });

  it("starts from the first page on any change except paging", () => {
    const cursor = encodeCursor(
      { msn: MSN, sort: "amount", dir: "asc", key: [1000], id: "00000000-0000-4000-8000-000000000000", pos: 24 },
      key,
    );
    const onPage2 = { ...state, after: cursor };
    expect(historyHref(onPage2, { status: ["captured"] })).not.toContain("after=");
    expect(historyHref(onPage2, { sort: "date" })).not.toContain("after=");
    expect(historyHref(onPage2, { size: 100 })).not.toContain("after=");
    expect(historyHref(state, { before: cursor })).toContain(`before=${cursor}`);
  });

  it("exports with the same filters and sort but never a cursor", () => {
    const cursor = encodeCursor(
      { msn: MSN, sort: "amount", dir: "asc", key: [1000], id: "00000000-0000-4000-8000-000000000000", pos: 24 },
      key,
    );
    expect(historyExportHref({ ...state, after: cursor })).toBe(
      "/api/history/export?msn=212345&status=captured&status=refunded&from=2026-01-01&min=10&q=abc&sort=amount&dir=asc",
    );
    expect(historyExportHref(state, "excel")).toMatch(/^\/api\/history\/export\?msn=212345&.*&format=excel$/);
  });
});

describe("history search params: sales unit, presets, page size", () => {
  it("takes one of the reader's sales units; any other is refused alike, whether it exists or not", () => {
    expect(parse({ msn: OTHER }).query.filters.msn).toBe(OTHER);
    for (const msn of ["999999", "212346", "'; --"]) {
      const p = parse({ msn });
      expect(p.query.filters.msn).toBeNull();
      expect(p.problems.map((x) => x.code)).toEqual(["msn"]);
    }
  });

  it("resolves the presets as Oslo calendar days at the time of reading", () => {
    const days = (range: string, now = NOW) => {
      const f = parse({ range }, now).query.filters;
      return [f.fromDay, f.toDay];
    };
    expect(days("today")).toEqual(["2026-03-10", "2026-03-10"]);
    expect(days("7d")).toEqual(["2026-03-04", "2026-03-10"]);
    expect(days("30d")).toEqual(["2026-02-09", "2026-03-10"]);
    expect(days("month")).toEqual(["2026-03-01", "2026-03-10"]);
    // 23:30 UTC on 31 March is already 1 April in Oslo (summer time): "this month" is one day long.
    expect(days("month", new Date("2026-03-31T23:30:00Z"))).toEqual(["2026-04-01", "2026-04-01"]);
    expect(parse({ range: "today" }).query.filters.createdFrom?.toISOString()).toBe("2026-03-09T23:00:00.000Z");
    expect(parse({ range: "today" }).state).toMatchObject({ range: "today", from: undefined, to: undefined });
  });

  it("an unknown preset is refused; the dates the form sends with a preset keep it unless edited", () => {
    expect(codes({ range: "yesterday" })).toEqual(["range:range"]);
    expect(parse({ range: "7d", from: "2026-03-04", to: "2026-03-10" }).state).toMatchObject({ range: "7d" });
    const edited = parse({ range: "7d", from: "2026-03-01", to: "2026-03-10" });
    expect(edited.problems).toEqual([]);
    expect(edited.state).toMatchObject({ range: undefined, from: "2026-03-01", to: "2026-03-10" });
  });

  it("page size: 25, 50 or 100; anything else is 50 with a problem", () => {
    expect(parse({ size: "100" }).query.size).toBe(100);
    expect(parse({ size: "25" }).query.size).toBe(25);
    for (const size of ["10", "1000", "-1", "50.0", "abc"]) {
      const p = parse({ size });
      expect(p.query.size).toBe(50);
      expect(p.problems.map((x) => x.code)).toEqual(["size"]);
    }
  });
});
