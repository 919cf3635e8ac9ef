// The audit trail's pure parts: the text a row's hash is taken over (pinned, since changing it would
// break every chain already written), the URL filters, the details' short form, and keyset cursors.
import { describe, expect, it } from "vitest";
import { canonicalText, GENESIS_HASH, rowHash } from "@/lib/audit/chain";
import { detailPairs } from "@/lib/audit/details";
import { auditParams, parseAuditParams } from "@/lib/audit/filter";
import { cursorOf, parseCursor } from "@/lib/keyset";

const NOW = new Date("2026-11-30T12:30:20Z");

describe("the hashed text of an audit row", () => {
  // As PostgreSQL wrote it (audit_log_hash in migration 20261130224414_audit_hash_chain).
  const row = {
    id: 1n,
    at: new Date("2026-11-30T12:30:20.123Z"),
    userId: "0b6f1b9e-3c1a-4f6e-9a51-2d3c4b5a6e7f",
    userEmail: "kari@shop.no",
    action: "money_requested",
    outcome: "success",
    msn: "212345",
    orderId: "ORD-1",
    details: '{"kind": "refund", "note": "ø \\"x\\"", "amount": 1500}',
    prevHash: GENESIS_HASH,
  };

  it("is what the database hashes", () => {
    expect(rowHash(row)).toBe("4f785f43d5032032bd47352ebe5a295d3bac855f221fecc90ab121493c71b98f");
  });

  it("prefixes each field with its length in bytes, and marks NULL apart from empty", () => {
    expect(canonicalText(row)).toBe(
      "merchant-ops/audit/v1\n1:1\n13:1796041820123\n36:0b6f1b9e-3c1a-4f6e-9a51-2d3c4b5a6e7f\n12:kari@shop.no" +
        '\n15:money_requested\n7:success\n6:212345\n5:ORD-1\n54:{"kind": "refund", "note": "ø \\"x\\"", "amount": 1500}' +
        `\n64:${GENESIS_HASH}`,
    );
    expect(rowHash({ ...row, msn: null })).not.toBe(rowHash({ ...row, msn: "" }));
    // A value cannot pose as two fields: the lengths move with it.
    expect(rowHash({ ...row, msn: "212345\n5:ORD-1", orderId: null })).not.toBe(rowHash(row));
  });
});

describe("audit trail filters from the URL", () => {
  it("reads every filter and writes back the same parameters", () => {
    const raw = { range: "7d", who: "Kari@", action: "money_failed", outcome: "failed", msn: "212345", order: "ORD-1" };
    const { filter, errors } = parseAuditParams(raw, NOW);
    expect(errors).toEqual([]);
    expect(filter).toEqual({
      time: { range: "7d" },
      who: "Kari@",
      action: "money_failed",
      outcome: "failed",
      msn: "212345",
      orderId: "ORD-1",
    });
    expect(auditParams(filter)).toEqual(raw);
  });

  it("leaves out each value it cannot use, says which, and keeps the rest", () => {
    const { filter, errors } = parseAuditParams(
      { who: "a b", action: "drop_table", outcome: "maybe", msn: "12", order: "ORD 1", range: "custom", from: "x" },
      NOW,
    );
    expect(filter).toEqual({ time: { range: "24h" } });
    expect(errors).toEqual([
      { field: "range", error: "invalid_from" },
      { field: "who", error: "invalid" },
      { field: "action", error: "invalid" },
      { field: "outcome", error: "invalid" },
      { field: "msn", error: "invalid" },
      { field: "order", error: "invalid" },
    ]);
  });

  it("allows a custom period any time back (the trail is kept), but not longer than 400 days", () => {
    const old = parseAuditParams({ range: "custom", from: "2020-01-01T00:00", to: "2020-06-01T00:00" }, NOW);
    expect(old.errors).toEqual([]);
    expect(old.filter.time).toEqual({
      range: "custom",
      from: new Date("2019-12-31T23:00:00Z"),
      to: new Date("2020-05-31T22:00:00Z"),
    });
    const long = parseAuditParams({ range: "custom", from: "2020-01-01T00:00", to: "2021-06-01T00:00" }, NOW);
    expect(long.errors).toEqual([{ field: "range", error: "too_long" }]);
  });
});

describe("audit details in short", () => {
  it("shows scalars as they are, objects as compact JSON, and cuts long values", () => {
    expect(detailPairs({ kind: "refund", amount: 1500, ok: true, none: null, list: [1, { a: 2 }] })).toEqual([
      ["kind", "refund"],
      ["amount", "1500"],
      ["ok", "true"],
      ["none", "null"],
      ["list", '[1,{"a":2}]'],
    ]);
    expect(detailPairs(null)).toEqual([]);
    expect(detailPairs([1, 2])).toEqual([["", "[1,2]"]]);
    const [[, long]] = detailPairs({ query: "x".repeat(500) }) as [[string, string]];
    expect(long).toHaveLength(80);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("keyset cursors", () => {
  it("round-trip a position and refuse anything else", () => {
    const at = new Date("2026-11-30T12:30:20.123Z");
    expect(parseCursor(cursorOf({ at, id: 42n }))).toEqual({ at, id: 42n });
    for (const bad of ["", "1_", "_1", "1-2", "12345678901234567_1", "1_2;DROP", undefined]) {
      expect(parseCursor(bad), String(bad)).toBeNull();
    }
  });
});
