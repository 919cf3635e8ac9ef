// The machinery under the demo's API story (api-story.ts): random numbers shaped like traffic
// (Poisson arrivals, log-normal latencies), orderIds, and one `call` that lets the incidents have
// their say — inside the deploy's window a call fails with 5xx, inside the key rotation with 401.
import type { LogEnvironment } from "@/lib/api-log/types";
import type { EcomOperation } from "@/lib/ecom/types";
import type { Outcome, StoryCall } from "./api-story-calls";
import type { StoryIncidents, StoryOrder, Window } from "./api-story";
import { HOUR, MINUTE } from "./api-story-time";

type Call = Omit<StoryCall, "id" | "environment" | "durationMs" | "outcome"> & {
  outcome?: Outcome;
  durationMs?: number;
};

const MEDIAN_MS: Record<EcomOperation, number> = {
  accessToken: 140,
  initiate: 260,
  details: 70,
  capture: 320,
  refund: 300,
  cancel: 240,
  approve: 200,
};
const AMOUNTS = [9900, 14900, 24900, 49900, 79900, 129900, 3490, 5990, 189900, 2590];
const PREFIX: Record<string, string> = { "212345": "NB", "212346": "KI", "212347": "UT", "212348": "FK" };
const INVALID_KEY =
  "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.";
const INVALID_SECRET =
  "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.";

const inside = (w: Window, msn: string, at: number) => w.msn === msn && at >= w.from && at < w.to;
const refused401 = (o: Outcome) => (o.kind === "gateway" || o.kind === "token") && o.status === 401;

function add(lists: Map<string, StoryOrder[]>, o: StoryOrder) {
  const list = lists.get(o.msn);
  if (list) list.push(o);
  else lists.set(o.msn, [o]);
}

export class StoryTraffic {
  private readonly calls: StoryCall[] = [];
  private readonly real = new Map<string, StoryOrder[]>();
  private readonly made = new Map<string, StoryOrder[]>();
  private nextId = 0;
  private orderSeq = 0;
  /** The first call after the rotation still had a cached token: that call's own 401 is logged too. */
  private tokenDropped = false;

  constructor(
    readonly rnd: () => number,
    private readonly now: number,
    private readonly incidents: StoryIncidents,
    orders: readonly StoryOrder[],
    private readonly environment: LogEnvironment,
  ) {
    for (const o of [...orders].sort((a, b) => a.at - b.at || (a.orderId < b.orderId ? -1 : 1))) add(this.real, o);
  }

  poisson(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = this.rnd(); p > limit; p *= this.rnd()) k++;
    return k;
  }

  /** Log-normal around a median, with a thin slow tail. */
  duration(median: number, sigma = 0.45): number {
    const normal = Math.sqrt(-2 * Math.log(1 - this.rnd())) * Math.cos(2 * Math.PI * this.rnd());
    const tail = this.rnd() < 0.015 ? 3 + this.rnd() * 5 : 1;
    return Math.max(1, Math.round(median * Math.exp(sigma * normal) * tail));
  }

  amount(): number {
    return AMOUNTS[Math.floor(this.rnd() * AMOUNTS.length)]! + Math.floor(this.rnd() * 5) * 1000;
  }

  newOrderId(msn: string): string {
    return `${PREFIX[msn] ?? "WEB"}-${200000 + ++this.orderSeq}`;
  }

  /** Logs one call (or what the incident in force made of it). True when Vipps said yes. */
  call(c: Call): boolean {
    if (c.at >= this.now) return false;
    const { deploy, keyRotation } = this.incidents;
    if (inside(keyRotation, c.msn, c.at)) return this.refusedByGateway(c);
    if (inside(deploy, c.msn, c.at) && c.operation !== "accessToken") return this.duringDeploy(c);
    const outcome = c.outcome ?? { kind: "ok" };
    this.push({ ...c, outcome, durationMs: c.durationMs ?? this.durationOf(c.operation, outcome) });
    // In time order: payments are started hour by hour, and none starts inside an incident.
    if (c.operation === "initiate" && outcome.kind === "ok")
      add(this.made, { msn: c.msn, orderId: c.orderId!, at: c.at, amount: c.amount! });
    return outcome.kind === "ok";
  }

  /** GET /details on an order the unit holds; `wrongUnit`: another unit's orderId, so 404 Merchant/35. */
  read(msn: string, at: number, wrongUnit: boolean) {
    const other = [...this.real.keys(), ...this.made.keys()].find((m) => m !== msn);
    const order = this.pickOrder(wrongUnit && other ? other : msn, at);
    if (!order) return;
    const outcome: Outcome | undefined = wrongUnit
      ? {
          kind: "vipps",
          status: 404,
          group: "Merchant",
          code: "35",
          message: `The orderId '${order.orderId}' does not exist for MSN ${msn}.`,
        }
      : undefined;
    this.call({ at, msn, operation: "details", orderId: order.orderId, amount: order.amount, outcome });
  }

  /** One order's status polled about 150 times a minute: past 120 a minute the gateway answers 429. */
  pollingBurst(w: Window) {
    const order = this.pickOrder(w.msn, w.from) ?? { orderId: this.newOrderId(w.msn), amount: this.amount() };
    const passed: number[] = [];
    for (let at = w.from; at < w.to; at += 380 + Math.floor(this.rnd() * 40)) {
      while (passed.length > 0 && passed[0]! <= at - MINUTE) passed.shift();
      const wait = passed.length >= 120 ? Math.max(1, Math.ceil((passed[0]! + MINUTE - at) / 1000)) : 0;
      if (wait === 0) passed.push(at);
      const outcome: Outcome | undefined = wait
        ? { kind: "gateway", status: 429, message: `Rate limit is exceeded. Try again in ${wait} seconds.` }
        : undefined;
      this.call({ at, msn: w.msn, operation: "details", orderId: order.orderId, amount: order.amount, outcome });
    }
  }

  /** No answer (timeout or reset), then the client's retry gets through. */
  noAnswer(msn: string, at: number, operation: "details" | "capture", reason?: string) {
    // A capture retried after a timeout: one of the story's own payments (the seeded ones keep their history).
    const order = this.pickOrder(msn, at, operation === "details" ? [this.real, this.made] : [this.made]);
    if (!order) return;
    const outcome: Outcome = reason ? { kind: "network", reason } : { kind: "timeout" };
    const requestId = operation === "capture" ? `cap-${order.orderId}` : undefined;
    const base = { msn, operation, orderId: order.orderId, amount: order.amount, requestId };
    this.call({ ...base, at, outcome, durationMs: reason ? this.duration(900) : undefined });
    const retryAt = at + (reason ? 1200 : 15_250);
    this.call({ ...base, at: retryAt, attempt: 2, captured: operation === "capture" ? order.amount : undefined });
  }

  /** Every call with a token: one token call an hour per unit, before its first call of the hour. */
  finish(): StoryCall[] {
    const firstInHour = new Map<string, StoryCall>();
    for (const c of this.calls) {
      if (refused401(c.outcome) || c.outcome.kind === "timeout" || c.outcome.kind === "network") continue;
      const key = `${c.msn} ${Math.floor(c.at / HOUR)}`;
      const seen = firstInHour.get(key);
      if (!seen || c.at < seen.at) firstInHour.set(key, c);
    }
    for (const c of firstInHour.values()) {
      const durationMs = this.durationOf("accessToken", { kind: "ok" });
      this.push({
        at: c.at - durationMs - 3,
        msn: c.msn,
        operation: "accessToken",
        durationMs,
        outcome: { kind: "ok" },
      });
    }
    return this.calls.sort((a, b) => a.at - b.at || a.id - b.id);
  }

  private push(c: Omit<StoryCall, "id" | "environment">) {
    this.calls.push({ ...c, id: ++this.nextId, environment: this.environment });
  }

  private durationOf(operation: EcomOperation, o: Outcome): number {
    switch (o.kind) {
      case "ok":
        return this.duration(MEDIAN_MS[operation]);
      case "vipps":
        return this.duration(o.status >= 500 ? 650 : MEDIAN_MS[operation] * 0.7, 0.35);
      case "gateway":
        return this.duration(o.status === 429 ? 12 : 28, 0.3);
      case "token":
        return this.duration(90, 0.3);
      case "azure":
        return this.duration(45, 0.3);
      case "html":
        return this.duration(3500, 0.5);
      default:
        return this.duration(900);
    }
  }

  /** Old subscription key, then the new key with the old secret: refused before Vipps sees the call. */
  private refusedByGateway(c: Call): false {
    const k = this.incidents.keyRotation;
    const token = { at: c.at, msn: c.msn, operation: "accessToken" as const };
    if (c.at >= k.newKeyAt) {
      const outcome: Outcome = { kind: "token", status: 401, error: "invalid_client", description: INVALID_SECRET };
      this.push({ ...token, outcome, durationMs: this.durationOf("accessToken", outcome) });
      return false;
    }
    const outcome: Outcome = { kind: "gateway", status: 401, message: INVALID_KEY };
    if (!this.tokenDropped && c.operation !== "accessToken") {
      this.tokenDropped = true;
      this.push({ ...c, outcome, durationMs: this.durationOf(c.operation, outcome) });
      token.at += 40;
    }
    this.push({ ...token, outcome, durationMs: this.durationOf("accessToken", outcome) });
    return false;
  }

  /** The broken deploy: initiate answers 500/99 (never retried); other calls 502/503, retried up to 3 times. */
  private duringDeploy(c: Call): boolean {
    if (c.operation === "initiate") {
      const outcome: Outcome = {
        kind: "vipps",
        status: 500,
        group: "VippsError",
        code: "99",
        message: "Internal error. In some cases, this is caused by an incorrect API request. Please check the request.",
      };
      this.push({ ...c, msnAsNumber: true, outcome, durationMs: this.durationOf("initiate", outcome) });
      return false;
    }
    let at = c.at;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const r = this.rnd();
      const outcome: Outcome =
        r < 0.55
          ? { kind: "html", status: 502 }
          : r < 0.85
            ? { kind: "azure", status: 503, code: "1000", message: "Something went wrong. Please try again later." }
            : { kind: "ok" };
      const durationMs = this.durationOf(c.operation, outcome);
      this.push({ ...c, at, attempt, outcome, durationMs });
      if (outcome.kind === "ok") return true;
      at += durationMs + 250 * 2 ** (attempt - 1);
    }
    return false;
  }

  /** An order the unit had before `at`, recent ones likelier: the seeded payments if any, else the story's own. */
  private pickOrder(msn: string, at: number, from = [this.real, this.made]): StoryOrder | undefined {
    for (const lists of from) {
      const list = lists.get(msn) ?? [];
      // Binary search: how many were made at least a minute before `at` (the lists are in time order).
      let lo = 0;
      for (let hi = list.length; lo < hi;) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.at < at - MINUTE) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) return list[lo - 1 - Math.floor(this.rnd() ** 3 * lo)];
    }
    return undefined;
  }
}
