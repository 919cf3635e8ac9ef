// Random sequences of approve / capture / cancel / release / refund with random amounts keep the
// invariants: captured ≤ reserved, refunded ≤ captured, the remaining fields equal their
// definitions, and the log agrees with the summary.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimDriver, type Details, type Reply, type Unit } from "../helpers/sim";

let d: SimDriver;
let units: Unit[];
beforeAll(async () => {
  d = await SimDriver.start();
  await d.control("PATCH", "/settings", { rateLimitsEnabled: false });
  units = [await d.unit("reserve"), await d.unit("direct")];
});
afterAll(async () => d.close());

const step = fc.oneof(
  fc.record({
    kind: fc.constant("capture" as const),
    amount: fc.option(fc.integer({ min: 100, max: 30000 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("refund" as const),
    amount: fc.option(fc.integer({ min: 100, max: 30000 }), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("cancel" as const), release: fc.boolean() }),
  fc.record({ kind: fc.constant("retry" as const) }),
);

function checkInvariants(det: Reply<Details>, amount: number) {
  const s = det.body.transactionSummary!;
  const log = det.body.transactionLogHistory;
  const ok = (op: string) =>
    log.filter((e) => e.operation === op && e.operationSuccess).reduce((sum, e) => sum + e.amount, 0);
  const reserved = ok("RESERVE") + ok("SALE");
  const released = log.some((e) => e.operation === "VOID" && e.operationSuccess);
  expect(reserved).toBe(amount);
  expect(s.capturedAmount).toBe(ok("CAPTURE") + ok("SALE"));
  expect(s.refundedAmount).toBe(ok("REFUND"));
  expect(s.capturedAmount).toBeLessThanOrEqual(reserved);
  expect(s.refundedAmount).toBeLessThanOrEqual(s.capturedAmount);
  expect(s.remainingAmountToRefund).toBe(s.capturedAmount - s.refundedAmount);
  expect(s.remainingAmountToCapture).toBe(released ? 0 : reserved - s.capturedAmount);
  // Newest first.
  const times = log.map((e) => Date.parse(e.timeStamp));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
}

describe("money invariants under random operation sequences", () => {
  it("hold after every step, for reserve-capture and direct-capture units", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 100, max: 50000 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        async (unitIndex, amount, steps) => {
          const u = units[unitIndex]!;
          const orderId = `prop-${n++}`;
          await d.paid(u, orderId, amount);
          let last: { kind: "capture" | "refund"; amount?: number; requestId: string } | undefined;
          for (const [i, s] of steps.entries()) {
            if (s.kind === "retry") {
              // Replaying the previous request with its X-Request-Id must change nothing.
              if (last)
                await (last.kind === "capture"
                  ? d.capture(u, orderId, last.amount, last.requestId)
                  : d.refund(u, orderId, last.amount, last.requestId));
            } else if (s.kind === "cancel") {
              await d.cancel(u, orderId, s.release);
            } else {
              const requestId = `${s.kind}-${i}`;
              await (s.kind === "capture"
                ? d.capture(u, orderId, s.amount ?? undefined, requestId)
                : d.refund(u, orderId, s.amount ?? undefined, requestId));
              last = { kind: s.kind, amount: s.amount ?? undefined, requestId };
            }
            checkInvariants(await d.details(u, orderId), amount);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
