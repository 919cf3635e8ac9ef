// The spike rule as a table: minimum volume, the 3× / +10 pp threshold against the key's own
// baseline, no baseline without 50 calls of history, and the closing gap. Also the spans, the
// webhook URL rule and the Slack message.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import {
  baselineRate,
  closeThreshold,
  judgeSpike,
  openThreshold,
  spikeSpans,
  SPIKE_RULE,
  type Counts,
} from "@/lib/spikes/rule";
import { webhookUrlProblem } from "@/lib/spikes/url";
import { spikeMessage } from "@/lib/spikes/message";
import { failureOf } from "@/lib/spikes/webhook";

const c = (calls: number, errors: number): Counts => ({ calls, errors });
const NONE = c(0, 0);

describe("spike rule", () => {
  it.each([
    // window,      history,        verdict   why
    [c(2, 1), NONE, "none"], // 1 of 2: too few calls and errors
    [c(9, 9), NONE, "none"], // all errors, but under 10 calls
    [c(100, 4), NONE, "none"], // under 5 errors
    [c(10, 5), NONE, "open"], // 50 % with no history: ≥ 10 pp over 0
    [c(50, 5), NONE, "open"], // exactly 10 % over a 0 baseline
    [c(51, 5), NONE, "none"], // 9.8 %
    [c(40, 5), c(49, 40), "open"], // 49 calls of history is no baseline: absolute rule
    [c(100, 9), c(10_000, 200), "none"], // 9 % vs 2 %: 3× is 6 % but +10 pp is 12 %
    [c(100, 12), c(10_000, 200), "open"], // 12 % vs 2 %
    [c(100, 59), c(10_000, 2_000), "none"], // 59 % vs 20 %: 3× is 60 %
    [c(100, 60), c(10_000, 2_000), "open"],
    [c(100, 35), c(10_000, 3_000), "none"], // a unit whose usual 30 % of refusals stays at 35 %
    [c(100, 100), c(10_000, 9_500), "none"], // a 95 % baseline: the threshold is over 100 %
  ] as const)("window %o, history %o → %s", (w, h, verdict) => {
    expect(judgeSpike(w, h, false).verdict).toBe(verdict);
  });

  it("keeps an open spike until the rate is below halfway to the baseline, or errors are few", () => {
    const history = c(10_000, 200); // 2 %: opens at 12 %, closes under 7 %
    expect(openThreshold(0.02)).toBeCloseTo(0.12);
    expect(closeThreshold(0.02)).toBeCloseTo(0.07);
    expect(judgeSpike(c(100, 8), history, true).verdict).toBe("keep"); // 8 %: not a new spike, not over
    expect(judgeSpike(c(100, 6), history, true).verdict).toBe("close");
    expect(judgeSpike(c(20, 4), history, true).verdict).toBe("close"); // 20 %, but only 4 errors
    expect(judgeSpike(NONE, history, true).verdict).toBe("close"); // traffic stopped
  });

  it("baseline: errors ÷ calls with 50 calls or more, else 0", () => {
    expect(baselineRate(c(49, 49))).toBe(0);
    expect(baselineRate(c(50, 5))).toBeCloseTo(0.1);
    expect(judgeSpike(c(20, 10), c(1000, 100), false)).toMatchObject({ rate: 0.5, baseline: 0.1 });
  });

  it("the window is the last 15 minute buckets (the current one included), the baseline the 7 days before", () => {
    const s = spikeSpans(new Date("2026-11-30T12:30:20Z"));
    expect(s.windowStart.toISOString()).toBe("2026-11-30T12:16:00.000Z");
    expect(s.windowEnd.toISOString()).toBe("2026-11-30T12:31:00.000Z");
    expect(s.baselineStart.toISOString()).toBe("2026-11-23T12:16:00.000Z");
    expect(SPIKE_RULE.windowMinutes).toBe(15);
  });
});

describe("webhook URL", () => {
  it.each([
    ["https://hooks.slack.com/services/T0/B0/xyz", false, null],
    ["http://hooks.slack.com/services/T0/B0/xyz", true, "spike_url_https"],
    ["http://127.0.0.1:9999/hook", true, null],
    ["http://localhost:9999/hook", true, null],
    ["http://127.0.0.1:9999/hook", false, "spike_url_https"],
    ["ftp://example.com/x", true, "spike_url_format"],
    ["hooks.slack.com/services", false, "spike_url_format"],
    ["https://user:pw@example.com/x", false, "spike_url_format"],
    [`https://example.com/${"a".repeat(500)}`, false, "spike_url_too_long"],
  ] as const)("%s (loopback http allowed: %s) → %s", (url, allow, problem) => {
    expect(webhookUrlProblem(url, allow)).toBe(problem);
  });
});

describe("webhook message and failures", () => {
  const spike = {
    msn: "212345",
    unitName: "Demo <shop>",
    environment: "production" as const,
    operation: "capture",
    calls: 40,
    errors: 20,
    baselineRate: 0.01,
  };

  it("is Slack-compatible JSON: text for every receiver, blocks for Slack, in the chosen language", () => {
    const nb = spikeMessage([spike], "nb", "https://ops.example.no");
    expect(nb.text).toContain("Feiltopp: capture i Demo &lt;shop&gt; (212345)");
    expect(nb.text).toMatch(/50\s%/);
    expect(nb.text).toContain("https://ops.example.no/errors/alerts");
    expect(nb.blocks).toHaveLength(2);
    const en = spikeMessage([spike, { ...spike, msn: "" }], "en");
    expect(en.text.split("\n")[0]).toBe("2 new error spikes");
    expect(en.text).toContain("(no sales unit)");
    expect(JSON.parse(JSON.stringify(en))).toEqual(en);
  });

  it("names a failure without an answer", () => {
    expect(failureOf(Object.assign(new Error("x"), { name: "TimeoutError" }))).toBe("timeout");
    expect(failureOf(new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }))).toBe("refused");
    expect(failureOf(new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } }))).toBe("dns");
    expect(failureOf(new TypeError("fetch failed", { cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } }))).toBe("tls");
    expect(failureOf(new TypeError("fetch failed"))).toBe("network");
  });
});

describe("spike detector settings", () => {
  it("runs every minute by default, never during `next build`, and can be switched off", () => {
    expect(parseEnv({}).spikes).toEqual({ enabled: true, intervalMs: 60_000 });
    expect(parseEnv({ NEXT_PHASE: "phase-production-build" }).spikes.enabled).toBe(false);
    expect(parseEnv({ SPIKES_ENABLED: "false" }).spikes.enabled).toBe(false);
    expect(() => parseEnv({ SPIKES_INTERVAL_MS: "100" })).toThrow(/SPIKES_INTERVAL_MS/);
  });
});
