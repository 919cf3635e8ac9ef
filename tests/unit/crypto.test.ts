import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decrypt, encrypt } from "@/lib/crypto";

const key = randomBytes(32);

describe("AES-256-GCM", () => {
  it("round-trips and never repeats a ciphertext", () => {
    const a = encrypt('{"clientSecret":"s3cret"}', key, "212345");
    const b = encrypt('{"clientSecret":"s3cret"}', key, "212345");
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(decrypt(a, key, "212345")).toBe('{"clientSecret":"s3cret"}');
  });

  it("refuses a wrong key, tampered bytes, or another sales unit's binding", () => {
    const c = encrypt("secret", key, "212345");
    expect(() => decrypt(c, randomBytes(32), "212345")).toThrow();
    expect(() => decrypt(c, key, "999999")).toThrow();
    const raw = Buffer.from(c, "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => decrypt(raw.toString("base64"), key, "212345")).toThrow();
    expect(() => decrypt("c2hvcnQ=", key)).toThrow(/too short/);
  });
});
