// The reconciler's settings: on by default, off during `next build` and when disabled, and a bad
// value is named in the one configuration error.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("reconciler settings", () => {
  it("runs every 30 s with batches of 50 by default", () => {
    expect(parseEnv({}).reconciler).toEqual({ enabled: true, intervalMs: 30_000, batch: 50 });
  });
  it("is off during next build and when RECONCILER_ENABLED=false", () => {
    expect(parseEnv({ NEXT_PHASE: "phase-production-build" }).reconciler.enabled).toBe(false);
    expect(parseEnv({ NEXT_PHASE: "phase-production-server" }).reconciler.enabled).toBe(true);
    expect(parseEnv({ RECONCILER_ENABLED: "false" }).reconciler.enabled).toBe(false);
  });
  it("takes an interval and batch size, refusing nonsense", () => {
    expect(parseEnv({ RECONCILER_INTERVAL_MS: "5000", RECONCILER_BATCH: "200" }).reconciler).toMatchObject({
      intervalMs: 5000,
      batch: 200,
    });
    expect(() => parseEnv({ RECONCILER_INTERVAL_MS: "10", RECONCILER_BATCH: "0" })).toThrow(
      /RECONCILER_BATCH[\s\S]*|RECONCILER_INTERVAL_MS/,
    );
  });
});
