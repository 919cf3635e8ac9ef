// Fault injection per MSN and endpoint: latency, 500/99, 94 locked, 429, connection reset, and a
// response lost after the operation was applied.
import { gatewayError, internalError, MESSAGES, vippsError, type SimResponse } from "./errors";
import type { Store } from "./store";

export type FaultEffect =
  | { kind: "respond"; response: SimResponse; delayMs?: number }
  | { kind: "reset"; delayMs?: number }
  | { kind: "lost"; delayMs?: number }
  | { kind: "delay"; delayMs: number };

export function takeFault(store: Store, msn: string | undefined, endpoint: string): FaultEffect | undefined {
  const faults = store.state.faults;
  const i = faults.findIndex(
    (f) => (f.msn === undefined || f.msn === msn) && (f.endpoint === "*" || f.endpoint === endpoint),
  );
  if (i < 0) return undefined;
  const f = faults[i]!;
  if (f.remaining !== undefined) {
    f.remaining -= 1;
    if (f.remaining <= 0) faults.splice(i, 1);
    store.changed();
  }
  const delayMs = f.latencyMs;
  switch (f.mode) {
    case "latency":
      return { kind: "delay", delayMs: delayMs ?? 1000 };
    case "error500":
      return { kind: "respond", response: internalError(), delayMs };
    case "locked94":
      return { kind: "respond", response: vippsError(423, "VippsError", "94", MESSAGES["94"]), delayMs };
    case "rateLimit429":
      return {
        kind: "respond",
        response: gatewayError(429, "Rate limit is exceeded. Try again in 1 seconds.", { "Retry-After": "1" }),
        delayMs,
      };
    case "vippsError":
      return {
        kind: "respond",
        response: vippsError(
          f.status ?? 400,
          f.errorGroup ?? "Payment",
          f.errorCode ?? "74",
          f.errorMessage ?? MESSAGES["74"],
        ),
        delayMs,
      };
    case "reset":
      return { kind: "reset", delayMs };
    case "lostResponse":
      return { kind: "lost", delayMs };
  }
}
