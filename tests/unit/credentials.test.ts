import { describe, expect, it } from "vitest";
import { parseCredentials } from "@/lib/auth/credentials";

describe("sign-in input", () => {
  it("normalises a good email and keeps the password as typed", () => {
    expect(parseCredentials({ email: "  Ada@Example.NO ", password: " pw " })).toEqual({
      ok: true,
      email: "ada@example.no",
      password: " pw ",
    });
  });

  it.each([
    [{ email: "", password: "x" }, "email_required"],
    [{ email: "   ", password: "x" }, "email_required"],
    [{ password: "x" }, "email_required"],
    [{ email: "a@b.no", password: "" }, "password_required"],
    [{ email: "a@b.no" }, "password_required"],
    [{ email: "not-an-email", password: "x" }, "email_malformed"],
    [{ email: "a@b", password: "x" }, "email_malformed"],
    [{ email: ["a@b.no"], password: "x" }, "email_malformed"],
    [{ email: "a@b.no", password: { $ne: "" } }, "password_required"],
    [{ email: `${"a".repeat(1100)}@b.no`, password: "x" }, "too_long"],
    [{ email: "a@b.no", password: "x".repeat(1025) }, "too_long"],
    [{ email: "a@b.no", password: "æ".repeat(513) }, "too_long"], // 1026 bytes
  ])("refuses %j as %s", (raw, problem) => {
    expect(parseCredentials(raw)).toEqual({ ok: false, problem });
  });

  it("accepts a password of exactly 1 KB", () => {
    expect(parseCredentials({ email: "a@b.no", password: "x".repeat(1024) }).ok).toBe(true);
  });
});
