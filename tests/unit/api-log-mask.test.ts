import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskJson, maskPhone, maskRawBody, maskText } from "@/lib/api-log/mask";

const jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtZXJjaGFudCJ9.c2lnbmF0dXJl";

describe("maskJson", () => {
  it("masks credentials and tokens by key, whatever the spelling", () => {
    expect(
      maskJson({
        client_secret: "s",
        clientSecret: "s",
        "Ocp-Apim-Subscription-Key": "k",
        subscriptionKey: "k",
        access_token: "opaque-token",
        Authorization: "Bearer x",
        merchantInfo: { authToken: "cb-secret", merchantSerialNumber: "212345" },
        token: "t",
        token_type: "Bearer",
        nothing: null,
      }),
    ).toEqual({
      client_secret: "[masked]",
      clientSecret: "[masked]",
      "Ocp-Apim-Subscription-Key": "[masked]",
      subscriptionKey: "[masked]",
      access_token: "[masked]",
      Authorization: "[masked]",
      merchantInfo: { authToken: "[masked]", merchantSerialNumber: "212345" },
      token: "[masked]",
      token_type: "Bearer",
      nothing: null,
    });
  });

  it("keeps the last two digits of phone numbers", () => {
    expect(maskJson({ customerInfo: { mobileNumber: "91234567" }, customerPhoneNumber: 98765432 })).toEqual({
      customerInfo: { mobileNumber: "******67" },
      customerPhoneNumber: "******32",
    });
  });

  it("masks any Norwegian phone number inside userDetails, but not elsewhere", () => {
    expect(
      maskJson({
        userDetails: { contact: "+47 912 34 567", email: "a@b.no", userId: "u-1" },
        transactionId: "91234567",
      }),
    ).toEqual({
      userDetails: { contact: "************67", email: "a@b.no", userId: "u-1" },
      transactionId: "91234567",
    });
  });

  it("finds JWTs, Bearer tokens and token query parameters in any string", () => {
    expect(
      maskJson({
        url: `https://api.vipps.no/deeplink?v=2&token=abc.def-123&x=1`,
        note: `got ${jwt} ok`,
        list: [`Bearer abc.def`],
      }),
    ).toEqual({
      url: "https://api.vipps.no/deeplink?v=2&token=[masked]&x=1",
      note: "got [masked] ok",
      list: ["Bearer [masked]"],
    });
  });

  it("turns non-JSON values into JSON ones", () => {
    expect(maskJson({ a: undefined, b: Number.NaN, c: 10n, d: new Date(0), e: [undefined] })).toEqual({
      b: null,
      c: "10",
      d: "1970-01-01T00:00:00.000Z",
      e: [null],
    });
    expect(maskJson(undefined)).toBeNull();
    expect(maskJson(null)).toBeNull();
  });

  it("survives absurd nesting", () => {
    let deep: unknown = { secret: "x" };
    for (let i = 0; i < 100; i++) deep = { next: deep };
    expect(JSON.stringify(maskJson(deep))).not.toContain('"x"');
  });

  it("is idempotent and never lets a phone or JWT through (property)", () => {
    const phone = fc.stringMatching(/^\d{8}$/);
    const body = fc.record({
      customerInfo: fc.record({ mobileNumber: phone }),
      userDetails: fc.record({ mobileNumber: phone, other: phone, email: fc.emailAddress() }),
      access_token: fc.string({ minLength: 1 }),
      text: fc.string(),
    });
    fc.assert(
      fc.property(body, (b) => {
        const once = maskJson({ ...b, text: `${b.text} ${jwt}` });
        expect(maskJson(once)).toEqual(once);
        const s = JSON.stringify(once);
        expect(s).not.toContain(b.customerInfo.mobileNumber);
        expect(s).not.toContain(b.userDetails.other);
        expect(s).not.toContain("eyJhbGci");
      }),
    );
  });
});

describe("text masking", () => {
  it("maskPhone keeps the last two characters", () => {
    expect(maskPhone("91234567")).toBe("******67");
    expect(maskPhone("7")).toBe("*");
  });

  it("maskText leaves ordinary text alone", () => {
    expect(maskText("Order 123456789 captured")).toBe("Order 123456789 captured");
  });

  it("maskRawBody masks before cutting, so half a token never survives", () => {
    // Cutting first at 40 would leave "eyJhbGciOi", which no longer looks like a JWT.
    expect(maskRawBody(`${"x".repeat(30)}${jwt}`, 40)).toBe(`${"x".repeat(30)}[masked]`);
    expect(maskRawBody(`${"x".repeat(30)}${jwt} and more text`, 40)).toBe(`${"x".repeat(30)}[masked] a…`);
    expect(maskRawBody("")).toBeNull();
  });
});
