import { describe, expect, it } from "vitest";
import { backPath, paymentHref } from "@/lib/ids";
import { deadlines } from "@/lib/payments/detail/deadlines";
import { failureReason, type FailureCall } from "@/lib/payments/detail/failure";

const call = (over: Partial<FailureCall>): FailureCall => ({
  id: 1n,
  at: new Date("2026-11-03T09:00:00Z"),
  operation: "details",
  httpStatus: 200,
  errorGroup: null,
  errorCode: null,
  errorMessage: null,
  networkError: null,
  requestBody: null,
  ...over,
});
const failedReserve = { operation: "RESERVE", operationSuccess: false, timeStamp: new Date("2026-11-03T09:01:00Z") };

describe("why a payment failed", () => {
  it("takes Vipps' errorInfo from the callback, newest first", () => {
    const calls = [
      call({
        id: 7n,
        operation: "callback",
        at: new Date("2026-11-03T09:02:00Z"),
        httpStatus: 200,
        requestBody: { errorInfo: { errorGroup: "Payment", errorCode: 45, errorMessage: "Payment declined" } },
      }),
      call({ id: 3n, operation: "details" }),
    ];
    expect(failureReason("failed", calls, [failedReserve])).toEqual({
      source: "callback",
      at: new Date("2026-11-03T09:02:00Z"),
      operation: "callback",
      httpStatus: null,
      errorGroup: "Payment",
      errorCode: "45",
      errorMessage: "Payment declined",
      callId: "7",
    });
  });

  it("uses an error Vipps answered to a logged call, but not our own refusal of a callback or a network failure", () => {
    const calls = [
      call({ id: 9n, operation: "callback", httpStatus: 401, errorGroup: "Callback", errorCode: "unauthorized" }),
      call({ id: 8n, operation: "details", httpStatus: null, networkError: "timeout" }),
      call({
        id: 5n,
        operation: "initiate",
        httpStatus: 400,
        errorGroup: "Payment",
        errorCode: "43",
        errorMessage: "Card expired",
        at: new Date("2026-11-03T08:59:00Z"),
      }),
    ];
    expect(failureReason("failed", calls, [])).toMatchObject({
      source: "response",
      operation: "initiate",
      errorCode: "43",
      callId: "5",
    });
  });

  it("falls back to the failed step in the payment's log, and says nothing for a payment that did not fail", () => {
    expect(failureReason("failed", [call({})], [failedReserve])).toEqual({
      source: "log",
      at: failedReserve.timeStamp,
      operation: "RESERVE",
    });
    expect(failureReason("failed", [], [])).toBeNull();
    expect(
      failureReason("captured", [call({ operation: "callback", requestBody: { errorInfo: { errorCode: "45" } } })], []),
    ).toBeNull();
  });
});

describe("the payment page's Back", () => {
  it("goes back to a path in this app, never to another site", () => {
    expect(backPath("/history/212345?status=captured&page=3")).toBe("/history/212345?status=captured&page=3");
    expect(backPath("/?q=ORD-1")).toBe("/?q=ORD-1");
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/a\nb",
      "",
      7,
      undefined,
    ])
      expect(backPath(bad), String(bad)).toBeNull();
    expect(paymentHref("212345", "A-1", "/?q=A 1")).toBe("/payments/212345/A-1?from=%2F%3Fq%3DA%201");
  });
});

describe("deadlines that still matter", () => {
  const reservedAt = new Date("2026-06-01T10:00:00Z");
  const now = new Date("2026-11-01T10:00:00Z");
  const visa = 400000;
  it("drops the capture deadline and card guarantee once nothing is left to capture", () => {
    const d = deadlines(
      { reservedAt, bankIdentificationNumber: visa, remainingToCapture: 0, capturedAmount: 1000, refundedAmount: 0 },
      now,
    );
    expect(d.applies).toEqual({ capture: false, refund: true });
    expect(d.guaranteeEnded).toBe(false);
  });
  it("keeps a deadline that matters and marks it passed", () => {
    const later = new Date("2026-12-15T10:00:00Z"); // 197 days after the reservation
    const d = deadlines(
      { reservedAt, bankIdentificationNumber: visa, remainingToCapture: 500, capturedAmount: 500, refundedAmount: 0 },
      later,
    );
    expect(d.applies).toEqual({ capture: true, refund: true });
    expect(d.passed).toEqual({ capture: true, refund: false });
  });
  it("has nothing left once everything is refunded", () => {
    const d = deadlines(
      { reservedAt, bankIdentificationNumber: visa, remainingToCapture: 0, capturedAmount: 1000, refundedAmount: 1000 },
      now,
    );
    expect(d.applies).toEqual({ capture: false, refund: false });
  });
});
