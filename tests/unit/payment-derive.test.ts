import { describe, expect, it } from "vitest";
import type { LogEntry, PaymentDetails } from "@/lib/ecom";
import { derivePayment, deriveStatus, eventFingerprint } from "@/lib/payments/sync/derive";

const e = (operation: LogEntry["operation"], amount: number, ok = true, t = "2026-11-01T10:00:00.000Z"): LogEntry => ({
  operation,
  amount,
  operationSuccess: ok,
  transactionId: "5000000001",
  timeStamp: t,
  requestId: "",
  transactionText: "Fjellsko",
});
const details = (log: LogEntry[], summary?: [number, number, number, number]): PaymentDetails => ({
  orderId: "o-1",
  transactionLogHistory: log,
  shippingDetails: undefined,
  userDetails: undefined,
  sub: undefined,
  ...(summary
    ? {
        transactionSummary: {
          capturedAmount: summary[0],
          remainingAmountToCapture: summary[1],
          refundedAmount: summary[2],
          remainingAmountToRefund: summary[3],
          bankIdentificationNumber: undefined,
        },
      }
    : { transactionSummary: undefined }),
});

describe("status derived from /details", () => {
  it.each([
    ["initiated", details([e("INITIATE", 1000)])],
    ["failed", details([e("RESERVE", 1000, false), e("INITIATE", 1000)], [0, 0, 0, 0])],
    ["cancelled", details([e("CANCEL", 1000), e("INITIATE", 1000)], [0, 0, 0, 0])],
    ["reserved", details([e("RESERVE", 1000), e("INITIATE", 1000)], [0, 1000, 0, 0])],
    ["voided", details([e("VOID", 1000), e("RESERVE", 1000), e("INITIATE", 1000)], [0, 0, 0, 0])],
    ["partially_captured", details([e("CAPTURE", 400), e("RESERVE", 1000), e("INITIATE", 1000)], [400, 600, 0, 400])],
    ["captured", details([e("CAPTURE", 1000), e("RESERVE", 1000), e("INITIATE", 1000)], [1000, 0, 0, 1000])],
    [
      "captured",
      details([e("VOID", 600), e("CAPTURE", 400), e("RESERVE", 1000), e("INITIATE", 1000)], [400, 0, 0, 400]),
    ],
    ["captured", details([e("SALE", 1000), e("INITIATE", 1000)], [1000, 0, 0, 1000])],
    [
      "partially_refunded",
      details([e("REFUND", 300), e("CAPTURE", 1000), e("RESERVE", 1000), e("INITIATE", 1000)], [1000, 0, 300, 700]),
    ],
    [
      "partially_refunded",
      details([e("REFUND", 400), e("CAPTURE", 400), e("RESERVE", 1000), e("INITIATE", 1000)], [400, 600, 400, 0]),
    ],
    [
      "refunded",
      details([e("REFUND", 1000), e("CAPTURE", 1000), e("RESERVE", 1000), e("INITIATE", 1000)], [1000, 0, 1000, 0]),
    ],
  ] as const)("%s", (status, d) => {
    expect(deriveStatus(d)).toBe(status);
  });

  it("ignores failed attempts: a refused over-capture leaves a reservation reserved", () => {
    expect(
      deriveStatus(details([e("CAPTURE", 5000, false), e("RESERVE", 1000), e("INITIATE", 1000)], [0, 1000, 0, 0])),
    ).toBe("reserved");
  });

  it("takes amounts from the summary and times from the log", () => {
    const d = derivePayment(
      details(
        [
          e("CAPTURE", 400, true, "2026-11-02T10:00:00.000Z"),
          e("RESERVE", 1000, true, "2026-11-01T10:01:00.000Z"),
          e("INITIATE", 1000),
        ],
        [400, 600, 0, 400],
      ),
    );
    expect(d).toMatchObject({
      amount: 1000,
      reservedAmount: 1000,
      capturedAmount: 400,
      remainingToCapture: 600,
      remainingToRefund: 400,
    });
    expect(d.reservedAt?.toISOString()).toBe("2026-11-01T10:01:00.000Z");
    expect(d.initiatedAt?.toISOString()).toBe("2026-11-01T10:00:00.000Z");
  });

  it("fingerprints entries so the same entry is the same row, and a different one is not", () => {
    expect(eventFingerprint(e("CAPTURE", 400))).toBe(eventFingerprint(e("CAPTURE", 400)));
    expect(eventFingerprint(e("CAPTURE", 400))).not.toBe(eventFingerprint(e("CAPTURE", 400, false)));
    expect(eventFingerprint(e("CAPTURE", 400))).not.toBe(eventFingerprint(e("CAPTURE", 401)));
  });
});
