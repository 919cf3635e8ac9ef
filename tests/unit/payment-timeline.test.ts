// The merged timeline: Vipps' entries with our request ids say who did it and why; our operations
// without a Vipps entry (pending, unknown, refused, failed) stand on their own; newest first.
import { describe, expect, it } from "vitest";
import { mergeTimeline, type OurOperation, type VippsEvent } from "@/lib/payments/detail/timeline";

const at = (m: number) => new Date(Date.UTC(2026, 10, 30, 10, m));
const ev = (id: number, operation: string, m: number, requestId: string | null, ok = true): VippsEvent => ({
  id: BigInt(id),
  operation,
  amount: 1000,
  operationSuccess: ok,
  transactionId: `50000000${id}`,
  requestId,
  transactionText: null,
  timeStamp: at(m),
});
const op = (id: string, over: Partial<OurOperation>): OurOperation => ({
  id,
  kind: "capture",
  amount: 1000,
  state: "succeeded",
  errorCode: null,
  xRequestId: `mo-${id}`,
  createdByName: "Kari",
  reason: null,
  note: null,
  createdAt: at(0),
  ...over,
});

describe("payment timeline", () => {
  it("names who did what on Vipps' entries and keeps our unlogged operations, newest first", () => {
    const items = mergeTimeline(
      [ev(3, "REFUND", 20, "mo-b"), ev(2, "CAPTURE", 10, "mo-a"), ev(1, "RESERVE", 1, "")],
      [
        op("a", { createdAt: at(9) }),
        op("b", { kind: "refund", reason: "returned_goods", note: "Retur", createdAt: at(19) }),
        op("c", { kind: "refund", state: "unknown", createdAt: at(30), createdByName: "Ola" }),
        op("d", { kind: "refund", state: "failed", errorCode: "refused:above_remaining:500", createdAt: at(25) }),
      ],
    );
    expect(items.map((i) => i.key)).toEqual(["oc", "od", "v3", "v2", "v1"]);
    expect(items[2]).toMatchObject({
      source: "vipps",
      operation: "REFUND",
      ours: { by: "Kari", reason: "returned_goods", note: "Retur" },
    });
    expect(items[4]).toMatchObject({ source: "vipps", operation: "RESERVE", ours: null });
    expect(items[0]).toMatchObject({ source: "ours", state: "unknown", ours: { by: "Ola" } });
  });
});
