// Capture, cancel (void and release) and refund: the state machine and summary arithmetic of
// ecom-api.md §4.2, with failed attempts logged, over HTTP against the contract.
import { describe, expect, it } from "vitest";
import { errorCode, type SimDriver, simulatorTestBed, type Unit } from "../helpers/sim";

let d: SimDriver;
let shop: Unit;
let kiosk: Unit;
simulatorTestBed((bed) => void ({ d, shop, kiosk } = bed));

const summaryOf = async (u: Unit, orderId: string) => (await d.details(u, orderId)).body.transactionSummary;

describe("capture", () => {
  it("takes partial and repeated captures, then refuses more than remains with 61 and logs the failed attempt", async () => {
    await d.paid(shop, "cap-1", 10000);
    const first = await d.capture(shop, "cap-1", 3000, "c1");
    expect(first.status).toBe(200);
    expect(first.body.transactionInfo).toMatchObject({ amount: 3000, status: "Captured" });
    expect((await d.capture(shop, "cap-1", 4000, "c2")).status).toBe(200);
    expect(await summaryOf(shop, "cap-1")).toMatchObject({
      capturedAmount: 7000,
      remainingAmountToCapture: 3000,
      remainingAmountToRefund: 7000,
    });
    const over = await d.capture(shop, "cap-1", 3001, "c3");
    expect([over.status, errorCode(over.body)]).toEqual([400, "61"]);
    const log = (await d.details(shop, "cap-1")).body.transactionLogHistory;
    expect(log[0]).toMatchObject({ operation: "CAPTURE", amount: 3001, operationSuccess: false, requestId: "c3" });
    expect(log.filter((e) => e.operation === "CAPTURE" && e.operationSuccess).map((e) => e.requestId)).toEqual([
      "c2",
      "c1",
    ]);
  });

  it("captures the remainder when no amount is given, and then has nothing left (61)", async () => {
    await d.paid(shop, "cap-2", 10000);
    await d.capture(shop, "cap-2", 2500, "a");
    const rest = await d.capture(shop, "cap-2", undefined, "b");
    expect(rest.body.transactionInfo).toMatchObject({ amount: 7500 });
    expect(await summaryOf(shop, "cap-2")).toMatchObject({ capturedAmount: 10000, remainingAmountToCapture: 0 });
    expect(errorCode((await d.capture(shop, "cap-2", undefined, "c")).body)).toBe("61");
  });

  it("refuses to capture before the user approved (62) and after a cancel (91)", async () => {
    await d.initiate(shop, "cap-3");
    expect(errorCode((await d.capture(shop, "cap-3", 100, "x")).body)).toBe("62");
    await d.paid(shop, "cap-4");
    await d.cancel(shop, "cap-4");
    expect(errorCode((await d.capture(shop, "cap-4", 100, "x")).body)).toBe("91");
  });

  it("requires X-Request-Id on capture", async () => {
    await d.paid(shop, "cap-5");
    const r = await d.raw("capture", "POST", "/ecomm/v2/payments/cap-5/capture", {
      headers: await d.headers(shop),
      body: { merchantInfo: { merchantSerialNumber: shop.msn }, transaction: { amount: 100, transactionText: "x" } },
    });
    expect([r.status, errorCode(r.body)]).toEqual([400, "X-Request-Id"]);
  });
});

describe("cancel", () => {
  it("cancels before reservation as CANCEL, and voids a reservation as VOID", async () => {
    await d.initiate(shop, "can-1");
    const c = await d.cancel(shop, "can-1");
    expect(c.body.transactionInfo).toMatchObject({ status: "Cancelled" });
    expect((await d.details(shop, "can-1")).body.transactionLogHistory[0]).toMatchObject({
      operation: "CANCEL",
      operationSuccess: true,
    });
    await d.paid(shop, "can-2", 5000);
    await d.cancel(shop, "can-2");
    expect((await d.details(shop, "can-2")).body.transactionLogHistory[0]).toMatchObject({
      operation: "VOID",
      amount: 5000,
    });
    expect(await summaryOf(shop, "can-2")).toMatchObject({ capturedAmount: 0, remainingAmountToCapture: 0 });
  });

  it("after a partial capture: refuses without shouldReleaseRemainingFunds (51), releases the rest with it", async () => {
    await d.paid(shop, "can-3", 10000);
    await d.capture(shop, "can-3", 4000, "p1");
    const refused = await d.cancel(shop, "can-3");
    expect([refused.status, errorCode(refused.body)]).toEqual([400, "51"]);
    const released = await d.cancel(shop, "can-3", true);
    expect(released.status).toBe(200);
    expect(await summaryOf(shop, "can-3")).toMatchObject({
      capturedAmount: 4000,
      remainingAmountToCapture: 0,
      remainingAmountToRefund: 4000,
    });
    expect(errorCode((await d.capture(shop, "can-3", 100, "p2")).body)).toBe("61");
    expect((await d.refund(shop, "can-3", 4000, "r1")).status).toBe(200);
  });

  it("refuses to cancel a fully captured payment (51)", async () => {
    await d.paid(shop, "can-4");
    await d.capture(shop, "can-4", undefined, "all");
    expect(errorCode((await d.cancel(shop, "can-4", true)).body)).toBe("51");
  });
});

describe("direct capture (SALE)", () => {
  it("captures at approval, cannot be cancelled (51), and can be refunded", async () => {
    await d.paid(kiosk, "sale-1", 8000);
    const det = await d.details(kiosk, "sale-1");
    expect(det.body.transactionLogHistory[0]).toMatchObject({ operation: "SALE", amount: 8000 });
    expect(det.body.transactionSummary).toMatchObject({
      capturedAmount: 8000,
      remainingAmountToCapture: 0,
      remainingAmountToRefund: 8000,
    });
    expect(errorCode((await d.capture(kiosk, "sale-1", 100, "x")).body)).toBe("61");
    expect(errorCode((await d.cancel(kiosk, "sale-1")).body)).toBe("51");
    expect((await d.refund(kiosk, "sale-1", 8000, "r")).status).toBe(200);
  });
});

describe("refund", () => {
  it("takes partial and repeated refunds up to the captured amount, then 71; the response uses `transaction`", async () => {
    await d.paid(shop, "ref-1", 10000);
    await d.capture(shop, "ref-1", 6000, "c");
    const r1 = await d.refund(shop, "ref-1", 2000, "r1");
    expect(r1.body.transaction).toMatchObject({ amount: 2000, status: "Refund" });
    expect(r1.body.transactionInfo).toBeUndefined();
    await d.refund(shop, "ref-1", 3000, "r2");
    expect(await summaryOf(shop, "ref-1")).toMatchObject({
      capturedAmount: 6000,
      refundedAmount: 5000,
      remainingAmountToRefund: 1000,
      remainingAmountToCapture: 4000,
    });
    expect(errorCode((await d.refund(shop, "ref-1", 1001, "r3")).body)).toBe("71");
    expect((await d.refund(shop, "ref-1", undefined, "r4")).body.transaction).toMatchObject({ amount: 1000 });
  });

  it("refuses a reserved-only payment (72) and a cancelled one (73)", async () => {
    await d.paid(shop, "ref-2");
    expect(errorCode((await d.refund(shop, "ref-2", 100, "x")).body)).toBe("72");
    await d.cancel(shop, "ref-2");
    expect(errorCode((await d.refund(shop, "ref-2", 100, "y")).body)).toBe("73");
  });
});

describe("time limits on the simulator's clock", () => {
  it("captures and cancels until day 180 (then 98), refunds until day 365 (then 95)", async () => {
    await d.paid(shop, "old-1", 10000);
    await d.paid(shop, "old-2", 10000);
    await d.capture(shop, "old-2", 5000, "c");
    await d.control("POST", "/clock", { advanceSeconds: 181 * 86400 });
    try {
      expect(errorCode((await d.capture(shop, "old-1", 100, "late")).body)).toBe("98");
      expect(errorCode((await d.cancel(shop, "old-1")).body)).toBe("98");
      expect((await d.refund(shop, "old-2", 1000, "r-ok")).status).toBe(200);
      await d.control("POST", "/clock", { advanceSeconds: 185 * 86400 });
      expect(errorCode((await d.refund(shop, "old-2", 1000, "r-late")).body)).toBe("95");
    } finally {
      await d.control("POST", "/clock", { reset: true });
    }
  });
});
