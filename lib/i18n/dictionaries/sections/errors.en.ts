import type { Widen } from "../widen";
import type { errorsNb } from "./errors.nb";

export const errorsEn: Widen<typeof errorsNb> = {
  title: "API errors",
  description:
    "Errors in the API calls to Vipps, counted per minute from the calls we logged, in your sales units. Updates while the page is open.",

  live: "Live",
  paused: "Paused",
  updated: "Updated {time}",
  tiles: {
    calls: "Calls",
    errorRate: "Error rate",
    client: "4xx",
    server: "5xx",
    network: "Network",
    p95: "p95 latency",
    vsBefore: "{change} against the period before",
    noBefore: "no calls the period before",
    same: "unchanged against the period before",
  },
  charts: {
    overTime: "Errors over time",
    none: "No errors in the period.",
    perOperation: "Per operation",
    errorRate: "Error rate per operation",
    latency: "Latency per operation (p50 and p95)",
    clickHint: "Click part of a bar to see its calls.",
  },
  operations: {
    operation: "Operation",
    calls: "Calls",
    errors: "Errors",
    errorRate: "Error rate",
    p50: "p50",
    p95: "p95",
  },
  top: {
    title: "Top errors",
    empty: "No errors in the period.",
    error: "Error",
    operation: "Operation",
    units: "Sales units",
    count: "Count",
    share: "Share of calls",
    seen: "First / last seen",
    trend: "Trend",
    isNew: "New",
    requests: "See the calls",
    network: "Network failure (no answer)",
  },
  ms: "{ms} ms",
  over: "over {ms} ms",
};
