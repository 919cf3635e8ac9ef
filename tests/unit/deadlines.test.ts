import { describe, expect, it } from "vitest";
import { deadlines, schemeFromBin } from "@/lib/payments/detail/deadlines";

describe("card scheme from the BIN", () => {
  it.each([
    [492560, "visa"],
    [476173, "visa"],
    [417500, "visa_electron"],
    [491300, "visa_electron"],
    [545454, "mastercard"],
    [222100, "mastercard"],
    [272099, "mastercard"],
    [601100, "unknown"],
    [null, "unknown"],
  ] as const)("%s → %s", (bin, scheme) => expect(schemeFromBin(bin)).toBe(scheme));
});

describe("deadlines", () => {
  const reservedAt = new Date("2026-11-01T10:00:00Z");
  it("gives capture/cancel until +180 days and refund until +365 days", () => {
    const d = deadlines({ reservedAt, bankIdentificationNumber: 545454, remainingToCapture: 0 }, reservedAt);
    expect(d.captureUntil?.toISOString()).toBe("2027-04-30T10:00:00.000Z");
    expect(d.refundUntil?.toISOString()).toBe("2027-11-01T10:00:00.000Z");
    expect(d.guaranteeEnds?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });

  it("flags a Visa guarantee ending within 48 hours while money is left to capture", () => {
    const p = { reservedAt, bankIdentificationNumber: 492560, remainingToCapture: 5000 };
    expect(deadlines(p, new Date("2026-11-05T09:00:00Z")).guaranteeEndingSoon).toBe(false); // 73 h left
    expect(deadlines(p, new Date("2026-11-06T11:00:00Z")).guaranteeEndingSoon).toBe(true); // 23 h left
    expect(deadlines(p, new Date("2026-11-09T00:00:00Z"))).toMatchObject({
      guaranteeEndingSoon: false,
      guaranteeEnded: true,
    });
  });

  it("does not warn when nothing is left to capture, and has no deadlines before a reservation", () => {
    expect(
      deadlines(
        { reservedAt, bankIdentificationNumber: 417500, remainingToCapture: 0 },
        new Date("2026-11-05T12:00:00Z"),
      ).guaranteeEndingSoon,
    ).toBe(false);
    expect(
      deadlines({ reservedAt: null, bankIdentificationNumber: null, remainingToCapture: 0 }, reservedAt),
    ).toMatchObject({ captureUntil: null, refundUntil: null });
  });
});
