import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatOre } from "@/lib/format";

const NBSP = "\u00a0";

describe("formatOre", () => {
  it("formats øre as Norwegian kroner with a space as thousands separator", () => {
    expect(formatOre(123450)).toBe(`1${NBSP}234,50${NBSP}kr`);
    expect(formatOre(100)).toBe(`1,00${NBSP}kr`);
    expect(formatOre(5)).toBe(`0,05${NBSP}kr`);
    expect(formatOre(0)).toBe(`0,00${NBSP}kr`);
  });

  it("formats negative and very large amounts exactly", () => {
    expect(formatOre(-123450)).toBe(`−1${NBSP}234,50${NBSP}kr`);
    // 2^53 - 1 øre: a float division would lose the last digits.
    expect(formatOre(9007199254740991)).toBe(`90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91${NBSP}kr`);
    expect(formatOre(12345678901234567890n)).toContain("123");
  });

  it("refuses amounts that are not whole øre", () => {
    expect(() => formatOre(10.5)).toThrow(/integer/);
    expect(() => formatOre(Number.NaN)).toThrow(/integer/);
  });
});

describe("dates in Europe/Oslo", () => {
  it("shows winter time (UTC+1) and summer time (UTC+2)", () => {
    expect(formatDateTime("2026-01-15T12:00:00Z", "nb")).toContain("13:00");
    expect(formatDateTime("2026-07-15T12:00:00Z", "nb")).toContain("14:00");
  });

  it("puts a late-evening UTC time on the next Oslo day", () => {
    expect(formatDate("2026-03-01T23:30:00Z", "en")).toBe("2 Mar 2026");
    expect(formatDate("2026-03-01T23:30:00Z", "nb")).toBe("2. mars 2026");
  });
});

describe("formatOre in English", () => {
  it("formats øre the English way when asked", () => {
    expect(formatOre(123450, "en")).toBe(`NOK${NBSP}1,234.50`);
    expect(formatOre(5, "en")).toBe(`NOK${NBSP}0.05`);
    expect(formatOre(123450, "nb")).toBe(`1${NBSP}234,50${NBSP}kr`);
  });
});
