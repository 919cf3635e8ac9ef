import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessTokenSchema,
  captureResponseSchema,
  paymentDetailsSchema,
  refundResponseSchema,
} from "@/lib/ecom/schemas";
import { detailsBody, paymentBody, startStub, stubClient, type Stub } from "../helpers/ecom-stub";

const info = {
  amount: 5000,
  status: "Refund",
  timeStamp: "2024-01-02T10:00:00.000Z",
  transactionId: "5600727730",
  transactionText: "Return",
};
const summary = {
  capturedAmount: 20000,
  refundedAmount: 5000,
  remainingAmountToCapture: 0,
  remainingAmountToRefund: 15000,
};

describe("refund response", () => {
  it("reads `transaction` (the spec) and `transactionInfo` (php-vipps) into one shape", () => {
    const fromSpec = refundResponseSchema.parse({ orderId: "o-1", transaction: info, transactionSummary: summary });
    const fromPhp = refundResponseSchema.parse({ orderId: "o-1", transactionInfo: info, transactionSummary: summary });
    expect(fromSpec).toEqual({ orderId: "o-1", transaction: info, transactionSummary: summary });
    expect(fromPhp).toEqual(fromSpec);
  });

  it("refuses a refund response with neither key, or a fractional amount", () => {
    expect(refundResponseSchema.safeParse({ orderId: "o-1", transactionSummary: summary }).success).toBe(false);
    expect(refundResponseSchema.safeParse({ orderId: "o-1", transaction: { ...info, amount: 50.5 } }).success).toBe(
      false,
    );
  });

  describe("over HTTP", () => {
    let stub: Stub;
    beforeAll(async () => {
      stub = await startStub();
    });
    afterAll(() => stub.close());

    it.each(["transaction", "transactionInfo"])("accepts the key %s", async (key) => {
      stub.on("POST /ecomm/v2/payments/{orderId}/refund", () => ({ body: { orderId: "o-1", [key]: info } }));
      const { client } = stubClient(stub);
      const result = await client.refundPayment({
        orderId: "o-1",
        amount: 5000,
        transactionText: "Return",
        requestId: `r-${key}`,
      });
      expect(result.transaction.transactionId).toBe("5600727730");
      expect(result.transactionSummary).toBeUndefined();
    });
  });
});

describe("details", () => {
  it("parses the log newest first, the summary and BIN", () => {
    const d = paymentDetailsSchema.parse(detailsBody("o-1"));
    expect(d.transactionLogHistory.map((e) => e.operation)).toEqual(["RESERVE", "INITIATE"]);
    expect(d.transactionSummary?.bankIdentificationNumber).toBe(492560);
    expect(d.userDetails?.mobileNumber).toBe("91234567");
  });

  it("accepts a payment the user has not acted on (no summary), and nulls for optional fields", () => {
    const d = paymentDetailsSchema.parse({
      orderId: "o-1",
      transactionLogHistory: [
        { amount: 100, operation: "INITIATE", operationSuccess: true, transactionText: "x", requestId: null },
      ],
      sub: null,
    });
    expect(d.transactionSummary).toBeUndefined();
    expect(d.transactionLogHistory[0]?.requestId).toBeUndefined();
    expect(d.sub).toBeUndefined();
  });

  it("accepts [Expired] personal data", () => {
    const body = {
      ...detailsBody("o-1"),
      userDetails: {
        email: "[Expired]",
        firstName: "[Expired]",
        lastName: "[Expired]",
        mobileNumber: "[Expired]",
        userId: "u",
      },
    };
    expect(paymentDetailsSchema.parse(body).userDetails?.email).toBe("[Expired]");
  });

  it("refuses an unknown log operation or a string amount", () => {
    const entry = { amount: 100, operation: "INITIATE", operationSuccess: true, transactionText: "x" };
    expect(
      paymentDetailsSchema.safeParse({ orderId: "o", transactionLogHistory: [{ ...entry, operation: "TELEPORT" }] })
        .success,
    ).toBe(false);
    expect(
      paymentDetailsSchema.safeParse({ orderId: "o", transactionLogHistory: [{ ...entry, amount: "100" }] }).success,
    ).toBe(false);
  });
});

describe("capture and token", () => {
  it("capture needs transactionInfo with a known status", () => {
    expect(captureResponseSchema.parse(paymentBody("o-1")).transactionInfo.status).toBe("Captured");
    expect(captureResponseSchema.safeParse({ orderId: "o-1" }).success).toBe(false);
    const odd = { ...paymentBody("o-1"), transactionInfo: { ...paymentBody("o-1").transactionInfo, status: "Done" } };
    expect(captureResponseSchema.safeParse(odd).success).toBe(false);
  });

  it("token fields are strings; a non-numeric expires_in is refused", () => {
    const base = {
      token_type: "Bearer",
      expires_in: "86398",
      ext_expires_in: "0",
      expires_on: "1",
      not_before: "0",
      resource: "r",
      access_token: "eyJ.a.b",
    };
    expect(accessTokenSchema.parse(base).expiresInSeconds).toBe(86398);
    expect(accessTokenSchema.safeParse({ ...base, expires_in: "soon" }).success).toBe(false);
    expect(accessTokenSchema.safeParse({ ...base, access_token: "" }).success).toBe(false);
  });
});
