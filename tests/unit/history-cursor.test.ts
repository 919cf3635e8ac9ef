import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type HistoryCursor } from "@/lib/payments/history/cursor";
import { parseHistoryParams } from "@/lib/payments/history/params";

const key = randomBytes(32);
const MSN = "212345";
const cursor: HistoryCursor = {
  msn: MSN,
  sort: "date",
  dir: "desc",
  key: [Date.UTC(2026, 2, 29, 0, 30, 0, 123)],
  id: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b",
  pos: 49,
};

/** Replaces one character of the token with another from the base64url alphabet. */
function flipAt(token: string, i: number): string {
  const c = token[i] === "A" ? "B" : "A";
  return token.slice(0, i) + c + token.slice(i + 1);
}

describe("history cursor", () => {
  it("round-trips", () => {
    expect(decodeCursor(encodeCursor(cursor, key), key)).toEqual(cursor);
  });

  it("round-trips any position (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          msn: fc.stringMatching(/^(\d{1,10})?$/),
          sort: fc.constantFrom("date" as const, "amount" as const, "captured" as const),
          dir: fc.constantFrom("asc" as const, "desc" as const),
          key: fc.tuple(fc.integer({ min: -2_147_483_648, max: 4_102_444_800_000 })),
          id: fc.uuid().map((u) => u.toLowerCase()),
          pos: fc.integer({ min: 0, max: 1e9 }),
        }),
        (c) => {
          const token = encodeCursor(c, key);
          expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
          expect(decodeCursor(token, key)).toEqual(c);
        },
      ),
    );
  });

  it("refuses a token with any single character changed", () => {
    const token = encodeCursor(cursor, key);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      expect(decodeCursor(flipAt(token, i), key), `position ${i}`).toBeNull();
    }
  });

  it("refuses another spelling of the same signature (the unused bits of base64url's last character)", () => {
    for (let n = 0; n < 50; n++) {
      const token = encodeCursor({ ...cursor, key: [(cursor.key[0] as number) + n] }, key);
      const last = token[token.length - 1]!;
      // 16 bytes in 22 characters: the last one carries 2 bits that decoding ignores
      const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const v = alphabet.indexOf(last);
      const twin = alphabet[v ^ 1]!;
      expect(Buffer.from(token.slice(token.indexOf(".") + 1, -1) + twin, "base64url")).toEqual(
        Buffer.from(token.slice(token.indexOf(".") + 1), "base64url"),
      );
      expect(decodeCursor(token.slice(0, -1) + twin, key)).toBeNull();
    }
  });

  it("refuses a re-written position that kept the old signature", () => {
    const [, sig] = encodeCursor(cursor, key).split(".");
    const body = Buffer.from(JSON.stringify({ m: MSN, s: "date", d: "desc", k: [0], i: cursor.id, p: 49 })).toString(
      "base64url",
    );
    expect(decodeCursor(`${body}.${sig}`, key)).toBeNull();
  });

  it("refuses a token signed with another key", () => {
    expect(decodeCursor(encodeCursor(cursor, randomBytes(32)), key)).toBeNull();
  });

  it("refuses well-signed content that is not a cursor (validated after the signature)", () => {
    const forge = (payload: string) => {
      const body = Buffer.from(payload).toString("base64url");
      return `${body}.${createHmac("sha256", key).update(body).digest().subarray(0, 16).toString("base64url")}`;
    };
    expect(decodeCursor(forge("not json"), key)).toBeNull();
    expect(
      decodeCursor(forge(JSON.stringify({ m: MSN, s: "date", d: "desc", k: [1.5], i: cursor.id, p: 0 })), key),
    ).toBeNull();
    expect(
      decodeCursor(forge(JSON.stringify({ m: MSN, s: "date", d: "desc", k: [1], i: "not-a-uuid", p: 0 })), key),
    ).toBeNull();
    expect(
      decodeCursor(forge(JSON.stringify({ m: MSN, s: "date", d: "desc", k: [1], i: cursor.id, p: 0, x: 1 })), key),
    ).toBeNull();
    expect(
      decodeCursor(forge(JSON.stringify({ m: MSN, s: "status", d: "asc", k: ["paid", 1], i: cursor.id, p: 0 })), key),
    ).toBeNull();
    expect(
      decodeCursor(forge(JSON.stringify({ m: MSN, s: "date", d: "desc", k: [1], i: cursor.id, p: -1 })), key),
    ).toBeNull();
    expect(
      decodeCursor(forge(JSON.stringify({ m: MSN, s: "price", d: "desc", k: [1], i: cursor.id, p: 0 })), key),
    ).toBeNull();
  });

  it.each(["", ".", "abc", "a.b", "a.b.c", "🙂.🙂", "x".repeat(5000), "eyJ9.AAAA"])("refuses garbage %#", (token) => {
    expect(decodeCursor(token, key)).toBeNull();
  });
});

describe("cursor in the search params", () => {
  const parse = (q: Record<string, string>) =>
    parseHistoryParams({ msn: MSN, ...q }, key, { msns: [MSN, "212348"], now: new Date() });

  it("a valid cursor selects the page after (or before) it", () => {
    const token = encodeCursor(cursor, key);
    expect(parse({ after: token }).query.page).toEqual({ after: cursor });
    expect(parse({ before: token }).query.page).toEqual({ before: cursor });
    expect(parse({ after: token }).state.after).toBe(token);
  });

  it("a tampered cursor gives the first page and a problem, never an error", () => {
    const token = flipAt(encodeCursor(cursor, key), 5);
    const p = parse({ after: token });
    expect(p.query.page).toBeNull();
    expect(p.state.after).toBeUndefined();
    expect(p.problems.map((x) => x.code)).toEqual(["cursor"]);
  });

  it("a cursor made for another sales unit or another sort is refused", () => {
    expect(parse({ after: encodeCursor({ ...cursor, msn: "212348" }, key) }).problems.map((x) => x.code)).toEqual([
      "cursorMismatch",
    ]);
    expect(parse({ after: encodeCursor(cursor, key), sort: "amount" }).problems.map((x) => x.code)).toEqual([
      "cursorMismatch",
    ]);
    expect(parse({ after: encodeCursor(cursor, key), dir: "asc" }).query.page).toBeNull();
    // Made under "all sales units", used with one chosen (and the other way round).
    expect(parse({ after: encodeCursor({ ...cursor, msn: "" }, key) }).query.page).toBeNull();
    // A status cursor's key has two parts; one from a date sort relabelled cannot be made without the key.
    const status: HistoryCursor = { ...cursor, sort: "status", dir: "asc", key: ["captured", 1] };
    expect(parse({ after: encodeCursor(status, key), sort: "status", dir: "asc" }).query.page).toEqual({
      after: status,
    });
  });

  it("after and before together: neither applies", () => {
    const token = encodeCursor(cursor, key);
    const p = parse({ after: token, before: token });
    expect(p.query.page).toBeNull();
    expect(p.problems.map((x) => x.code)).toEqual(["cursorBoth"]);
  });
});
