import { describe, expect, it } from "vitest";
import { sortsByCodePoint } from "@/lib/db/collation";
import { checkQuery, isSiblingOf, queryAmount, siblingBase } from "@/lib/payments/lookup/search";

describe("search input", () => {
  it("accepts orderIds, transactionIds, amounts and free text, trimmed with runs of spaces made one", () => {
    expect(checkQuery("  FS-100234 ")).toEqual({ ok: true, q: "FS-100234" });
    expect(checkQuery("5000012345")).toEqual({ ok: true, q: "5000012345" });
    expect(checkQuery("1 234,50  kr")).toEqual({ ok: true, q: "1 234,50 kr" });
    // A pasted line break is a space.
    expect(checkQuery("Vinterjakke\nstr. M")).toEqual({ ok: true, q: "Vinterjakke str. M" });
    // Text is only ever a bound parameter of a LIKE, so nothing here is dangerous to search for.
    for (const text of ["ordre 1", "æøå", "<b>x</b>", '\'; DROP TABLE "Payment"; --', "order_1"])
      expect(checkQuery(text)).toEqual({ ok: true, q: text });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    [undefined, "empty"],
    ["a".repeat(101), "too_long"],
    ["bell\u0007", "bad_characters"],
    ["tab\u0000zero", "bad_characters"],
  ])("refuses %j as %s", (raw, problem) => {
    expect(checkQuery(raw)).toEqual({ ok: false, problem });
  });

  it("reads an amount as people write it, and nothing else as one", () => {
    expect(queryAmount("599")).toBe(59_900);
    expect(queryAmount("599,00")).toBe(59_900);
    expect(queryAmount("599.5")).toBe(59_950);
    expect(queryAmount("1 234,50 kr")).toBe(123_450);
    for (const q of ["FS-599", "5,999", "-5", "1e3", "12 34", "0", "kr"]) expect(queryAmount(q), q).toBeNull();
  });
});

describe("siblings", () => {
  it("strips one -<digits> suffix of up to three digits (the shop's retry convention)", () => {
    expect(siblingBase("DBL-7000-2")).toBe("DBL-7000");
    expect(siblingBase("DBL-7000")).toBe("DBL-7000"); // four digits: part of the orderId, not a retry
    expect(siblingBase("ORD-12-1")).toBe("ORD-12");
    expect(siblingBase("ABC")).toBe("ABC");
    expect(siblingBase("A-1234")).toBe("A-1234");
  });
});

describe("isSiblingOf", () => {
  it("accepts -1 … -999 after the base and nothing else", () => {
    expect(isSiblingOf("DBL-7000", "DBL-7000-2")).toBe(true);
    expect(isSiblingOf("DBL-7000", "DBL-7000-123")).toBe(true);
    expect(isSiblingOf("DBL-7000", "DBL-7000-1234")).toBe(false);
    expect(isSiblingOf("DBL-7000", "DBL-70001")).toBe(false);
    expect(isSiblingOf("DBL-7000", "DBL-7000-a")).toBe(false);
    expect(isSiblingOf("DBL-7000", "DBL-7000")).toBe(false);
  });
});

describe("prefix search as an index range", () => {
  it.each([
    [{ collate: "C", provider: "c" }, true],
    [{ collate: "POSIX", provider: "c" }, true],
    [{ collate: "C.UTF-8", provider: "c" }, true],
    [{ collate: "C.utf8", provider: null }, true],
    [{ collate: "C.UTF-8", provider: "b" }, true],
    [{ collate: "en_US.UTF-8", provider: "c" }, false],
    [{ collate: "nb_NO.UTF-8", provider: null }, false],
    [{ collate: "C.UTF-8", provider: "i" }, false],
  ])("collation %j sorts by code point: %s", (info, expected) => {
    expect(sortsByCodePoint(info)).toBe(expected);
  });
});
