import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createEcomClient, EcomError, TokenCache } from "@/lib/ecom";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import { SECRETS, stubTestBed, stubClient, type Stub, type StubReply } from "../helpers/ecom-stub";

let stub: Stub;
stubTestBed((s) => (stub = s));

async function refundFailure(reply: StubReply): Promise<EcomError> {
  stub.on("POST /ecomm/v2/payments/{orderId}/refund", () => reply);
  const { client } = stubClient(stub);
  const error = await client
    .refundPayment({ orderId: "o-9", amount: 100, transactionText: "Return", requestId: "ref-1" })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EcomError);
  return error as EcomError;
}

describe("error bodies become typed errors", () => {
  it("Vipps error array: group, code (a string), message and contextId", async () => {
    const e = await refundFailure({
      status: 400,
      body: [
        {
          errorGroup: "Payment",
          errorCode: "71",
          errorMessage: "Cannot refund a higher amount than the captured amount.",
          contextId: "ctx-71",
        },
      ],
    });
    expect(e).toMatchObject({
      kind: "vipps",
      operation: "refund",
      httpStatus: 400,
      errorGroup: "Payment",
      errorCode: "71",
      errorMessage: "Cannot refund a higher amount than the captured amount.",
      contextId: "ctx-71",
      retryable: false,
      outcomeUnknown: false,
      attempts: 1,
    });
  });

  it("Vipps error array with a numeric errorCode is normalised to a string", async () => {
    const e = await refundFailure({
      status: 400,
      body: [{ errorGroup: "Payment", errorCode: 95, errorMessage: "Too late" }],
    });
    expect(e.errorCode).toBe("95");
    expect(e.contextId).toBeUndefined();
  });

  it("an array of plain strings", async () => {
    const e = await refundFailure({ status: 400, body: ["Refund failed", "Try later"] });
    expect(e).toMatchObject({
      kind: "vipps",
      httpStatus: 400,
      errorMessage: "Refund failed; Try later",
      errorGroup: undefined,
    });
  });

  it("Azure APIM gateway {statusCode, message}: the status it repeats is no code", async () => {
    const e = await refundFailure({
      status: 403,
      body: { statusCode: 403, message: "Merchant Not Allowed for Ecommerce Payment" },
    });
    expect(e).toMatchObject({
      kind: "gateway",
      httpStatus: 403,
      errorMessage: "Merchant Not Allowed for Ecommerce Payment",
      retryable: false,
    });
    expect(e.errorCode).toBeUndefined();
  });

  it("ErrorFromAzure repeating the status: no code either", async () => {
    const e = await refundFailure({
      status: 401,
      body: { responseInfo: { responseCode: 401, responseMessage: "Unauthorized" }, result: { message: "Bad key" } },
    });
    expect(e).toMatchObject({ kind: "azure", httpStatus: 401, errorMessage: "Unauthorized (Bad key)" });
    expect(e.errorCode).toBeUndefined();
  });

  it("ErrorFromAzure {responseInfo, result}", async () => {
    const e = await refundFailure({
      status: 400,
      body: {
        responseInfo: { responseCode: 1000, responseMessage: "Something went wrong." },
        result: { message: "Bad amount" },
      },
    });
    expect(e).toMatchObject({
      kind: "azure",
      httpStatus: 400,
      errorCode: "1000",
      errorMessage: "Something went wrong. (Bad amount)",
    });
  });

  it("ErrorFromAzure without result, as seen in the wild", async () => {
    const e = await refundFailure({
      status: 400,
      body: { responseInfo: { responseCode: "1000", responseMessage: "Try again later." } },
    });
    expect(e).toMatchObject({ kind: "azure", errorCode: "1000", errorMessage: "Try again later." });
  });

  it("a body in no known format keeps the status", async () => {
    const e = await refundFailure({
      status: 404,
      raw: "<html>Not Found</html>",
      headers: { "content-type": "text/html" },
    });
    expect(e).toMatchObject({ kind: "http", httpStatus: 404, retryable: false });
  });

  it("a 200 that does not match the schema is invalid_response, naming the path but not the value", async () => {
    const e = await refundFailure({
      status: 200,
      body: { orderId: "o-9", transaction: { amount: "lots", status: "Refund", timeStamp: "t" } },
    });
    expect(e.kind).toBe("invalid_response");
    expect(e.outcomeUnknown).toBe(true);
    expect(e.message).toMatch(/transaction/);
    expect(e.message).not.toContain("lots");
  });

  it("a 200 that is not JSON is invalid_response", async () => {
    const e = await refundFailure({ status: 200, raw: "OK" });
    expect(e).toMatchObject({ kind: "invalid_response", httpStatus: 200 });
  });

  it("a connection that cannot be made is a network error, known not to have been sent", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const sink = new MemoryApiLogSink();
    const client = createEcomClient({
      salesUnit: { msn: "212345", environment: "simulator", credentials: SECRETS },
      baseUrl: `http://127.0.0.1:${port}`,
      sink,
      tokenCache: new TokenCache(),
      sleep: async () => {},
    });
    const e = await client.getPaymentDetails("o-9").catch((x: unknown) => x);
    expect(e).toMatchObject({
      kind: "network",
      operation: "accessToken",
      retryable: true,
      outcomeUnknown: false,
      attempts: 3,
    });
    expect(sink.records.map((r) => r.networkError)).toEqual(["ECONNREFUSED", "ECONNREFUSED", "ECONNREFUSED"]);
    expect(sink.records[0]?.httpStatus).toBeNull();
  });

  it("never puts a secret or token into a message, even when the server echoes one", async () => {
    const e = await refundFailure({
      status: 401,
      body: { statusCode: 401, message: `Invalid token Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln for key` },
    });
    expect(e.message).not.toContain("eyJ");
    expect(e.errorMessage).not.toContain("eyJ");
    expect(`${e.message} ${e.stack}`).not.toContain(SECRETS.clientSecret);
    expect(`${e.message}`).not.toContain(SECRETS.subscriptionKey);
  });
});
