// The callback body as Vipps sends it (ms_import.yaml, regular and Express) and the guide's
// spellings, with a specific message for each way it can be malformed.
import { describe, expect, it } from "vitest";
import { CALLBACK_STATUSES, parseCallback } from "@/lib/ingest/callback-body";

const body = (over: Record<string, unknown> = {}, info: Record<string, unknown> = {}) =>
  JSON.stringify({
    merchantSerialNumber: "123456",
    orderId: "acme-1",
    transactionInfo: {
      amount: 49900,
      status: "RESERVED",
      timeStamp: "2018-12-12T11:18:38.246Z",
      transactionId: "5432123456",
      ...info,
    },
    ...over,
  });

describe("callback body", () => {
  it.each(CALLBACK_STATUSES)("accepts status %s", (status) => {
    expect(parseCallback("acme-1", body({}, { status }))).toMatchObject({
      ok: true,
      body: { transactionInfo: { status } },
    });
  });

  it("accepts the MSN as a number and returns it as a string", () => {
    expect(parseCallback("acme-1", body({ merchantSerialNumber: 123456 }))).toMatchObject({
      ok: true,
      body: { merchantSerialNumber: "123456" },
    });
  });

  it("accepts an Express body and a failed reservation with errorInfo", () => {
    const express = {
      shippingDetails: {
        address: { addressLine1: "Robert Levins gate 5", city: "Oslo", country: "Norway", zipCode: "0154" },
        shippingCost: 49.0,
        shippingMethod: "Posten",
        shippingMethodId: "p",
      },
      userDetails: { email: "a@b.no", firstName: "A", lastName: "B", mobileNumber: "91234567", userId: "uiJ==" },
    };
    expect(parseCallback("acme-1", body(express, { status: "RESERVE" })).ok).toBe(true);
    expect(
      parseCallback(
        "acme-1",
        body(
          { errorInfo: { errorGroup: "Payment", errorCode: "42", errorMessage: "Refused by issuer", contextId: "x" } },
          { status: "REJECTED" },
        ),
      ).ok,
    ).toBe(true);
  });

  it.each([
    ["bad_path", "acme_1", body(), "invalid_order_id", "path"],
    ["not JSON", "acme-1", "{", "invalid_json", "not valid JSON"],
    ["a JSON string", "acme-1", '"hi"', "invalid_body", "JSON object"],
    ["a float MSN", "acme-1", body({ merchantSerialNumber: 1234.5 }), "invalid_body", "merchantSerialNumber"],
    [
      "a short MSN",
      "acme-1",
      body({ merchantSerialNumber: "1234" }),
      "invalid_body",
      "merchantSerialNumber: must be 5 to 7 digits",
    ],
    ["no orderId", "acme-1", body({ orderId: undefined }), "invalid_body", "orderId"],
    [
      "a status in lower case",
      "acme-1",
      body({}, { status: "reserved" }),
      "invalid_body",
      "transactionInfo.status: must be one of RESERVED",
    ],
    ["a negative amount", "acme-1", body({}, { amount: -1 }), "invalid_body", "transactionInfo.amount"],
    ["an amount as a string", "acme-1", body({}, { amount: "100" }), "invalid_body", "transactionInfo.amount"],
    ["no timeStamp", "acme-1", body({}, { timeStamp: undefined }), "invalid_body", "transactionInfo.timeStamp"],
    ["another orderId", "acme-2", body(), "order_id_mismatch", "acme-1"],
  ])("refuses %s", (_label, path, text, error, message) => {
    const r = parseCallback(path, text);
    expect(r).toMatchObject({ ok: false, error });
    if (!r.ok) expect(r.message).toContain(message);
  });
});
