// MONEY_STALE_PENDING_MS: when the reconciler treats a pending money operation as left behind by a
// dead process. Two minutes by default (the engine's STALE_PENDING_MS), shorter only on purpose.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { STALE_PENDING_MS } from "@/lib/money/engine";

describe("money settings", () => {
  it("counts a pending operation as abandoned after the engine's default of two minutes", () => {
    expect(parseEnv({}).money.stalePendingMs).toBe(STALE_PENDING_MS);
    expect(STALE_PENDING_MS).toBe(120_000);
  });
  it("takes another threshold, refusing one below 5 s or above an hour", () => {
    expect(parseEnv({ MONEY_STALE_PENDING_MS: "8000" }).money.stalePendingMs).toBe(8000);
    expect(() => parseEnv({ MONEY_STALE_PENDING_MS: "500" })).toThrow(/MONEY_STALE_PENDING_MS/);
    expect(() => parseEnv({ MONEY_STALE_PENDING_MS: "7200000" })).toThrow(/MONEY_STALE_PENDING_MS/);
  });
});
