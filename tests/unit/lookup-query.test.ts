import { describe, expect, it } from "vitest";
import { sortsByCodePoint } from "@/lib/db/collation";
import { checkQuery, isSiblingOf, siblingBase } from "@/lib/payments/lookup/search";

describe("search input", () => {
  it("accepts orderIds and transactionIds, trimmed", () => {
    expect(checkQuery("  FS-100234 ")).toEqual({ ok: true, q: "FS-100234" });
    expect(checkQuery("5000012345")).toEqual({ ok: true, q: "5000012345" });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    [undefined, "empty"],
    ["a".repeat(51), "too_long"],
    ["order_1", "bad_characters"],
    ['\'; DROP TABLE "Payment"; --', "bad_characters"],
    ["<script>alert(1)</script>", "bad_characters"],
    [`${"x".repeat(45)}<img src=x>`, "too_long"],
    ["<b>x</b>", "bad_characters"],
    ["ordre 1", "bad_characters"],
    ["æøå", "bad_characters"],
  ])("refuses %j as %s", (raw, problem) => {
    expect(checkQuery(raw)).toEqual({ ok: false, problem });
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
