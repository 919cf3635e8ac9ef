// The demo's 30 days of API calls, so the error dashboard tells a story on the first start: daily
// traffic per sales unit (Oslo opening hours, weekends), the usual trickle of refusals (customers'
// cards at a late capture, staff capturing or refunding too much, an orderId looked up in the wrong
// sales unit, a number that is not a Vipps user), a few timeouts, and four incidents a developer should
// spot at once (storyIncidents). Deterministic: the same seed and `now` give the same calls. Pure; the
// writing is in api-story-seed.ts.
import type { LogEnvironment } from "@/lib/api-log/types";
import { mulberry32 } from "@/lib/random";
import { MESSAGES } from "@/simulator/errors";
import type { Outcome, StoryCall } from "./api-story-calls";
import { DAY, HOUR, MINUTE, osloParts, osloTime } from "./api-story-time";
import { StoryTraffic } from "./api-story-traffic";

export interface StoryOrder {
  msn: string;
  orderId: string;
  at: number;
  amount: number;
}

export interface StoryOptions {
  /** The seed time: the story covers the 30 days before it. */
  now: number;
  seed?: number;
  /** Real (seeded) payments: the reconciler's reads, the polling bursts and the timeouts name them. */
  orders?: readonly StoryOrder[];
  environment?: LogEnvironment;
}

export interface Window {
  msn: string;
  from: number;
  to: number;
}

export interface StoryIncidents {
  /** A deploy of the web shop sent the MSN as a number: initiate 500/99, and 502/503 as its retries hammered on. */
  deploy: Window;
  /** Keys rotated in the portal, the old subscription key still stored; then the new key with the old secret. */
  keyRotation: Window & { newKeyAt: number };
  /** The shop's status page polled GET /details far above 120 a minute for one order: 429. */
  rateLimits: Window[];
}

export const STORY_DAYS = 30;

export function storyIncidents(now: number): StoryIncidents {
  const at = (daysAgo: number, hh: number, mm: number, minutes: number, msn: string): Window => {
    const from = osloTime(now, daysAgo, hh, mm);
    return { msn, from, to: from + minutes * MINUTE };
  };
  const rotation = at(17, 9, 40, 170, "212347");
  return {
    deploy: at(9, 14, 5, 40, "212345"),
    keyRotation: { ...rotation, newKeyAt: rotation.to - 20 * MINUTE },
    rateLimits: [at(22, 20, 10, 4, "212345"), at(13, 19, 45, 3, "212348"), at(4, 21, 5, 4, "212345")],
  };
}

/** Flows (payments the shop starts) a day, and their spread over Oslo hours (0–23) and weekdays (Sun–Sat). */
const PROFILES: Record<string, { perDay: number; hours: number[]; week: number[] }> = {
  // The web shop: evenings, Sundays on the sofa.
  "212345": {
    perDay: 45,
    hours: [3, 2, 1, 1, 1, 2, 4, 8, 12, 14, 15, 16, 18, 17, 16, 16, 17, 19, 22, 26, 28, 25, 16, 8],
    week: [1.2, 1.05, 1, 1, 1, 0.9, 0.8],
  },
  // The kiosk (direct capture): opening hours, busy Saturdays.
  "212346": {
    perDay: 25,
    hours: [0, 0, 0, 0, 0, 0, 0, 1, 8, 12, 14, 18, 24, 20, 14, 16, 18, 14, 8, 3, 1, 0, 0, 0],
    week: [0.6, 0.9, 0.9, 1, 1, 1.2, 1.5],
  },
  // The outlet: weekdays 10–20, Saturdays, closed Sundays but for the odd web order.
  "212347": {
    perDay: 16,
    hours: [0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 10, 12, 14, 14, 13, 13, 14, 15, 12, 8, 2, 1, 0, 0],
    week: [0.15, 1, 1, 1, 1.1, 1.2, 1.7],
  },
  // The café: breakfast and lunch.
  "212348": {
    perDay: 20,
    hours: [0, 0, 0, 0, 0, 0, 1, 10, 18, 14, 10, 16, 20, 12, 8, 7, 6, 3, 1, 0, 0, 0, 0, 0],
    week: [0.9, 1, 1, 1, 1, 1.1, 1.2],
  },
};
export const STORY_MSNS = Object.keys(PROFILES);

const CUSTOMER_CODES = ["42", "42", "42", "44", "44", "41", "43", "45"] as const;
const vipps = (status: number, group: string, code: keyof typeof MESSAGES | string, message?: string): Outcome => ({
  kind: "vipps",
  status,
  group,
  code,
  message: message ?? MESSAGES[code as keyof typeof MESSAGES],
});

/** The calls of the story, oldest first (the incidents' windows from storyIncidents). */
export function planApiStory(o: StoryOptions): StoryCall[] {
  const rnd = mulberry32(o.seed ?? 2026);
  const incidents = storyIncidents(o.now);
  const t = new StoryTraffic(rnd, o.now, incidents, o.orders ?? [], o.environment ?? "simulator");
  const start = o.now - STORY_DAYS * DAY;

  for (let hour = Math.floor(start / HOUR) * HOUR; hour < o.now; hour += HOUR) {
    const { hour: hh, weekday } = osloParts(hour);
    for (const msn of STORY_MSNS) {
      const p = PROFILES[msn]!;
      const share = p.hours[hh]! / p.hours.reduce((a, b) => a + b, 0);
      const flows = t.poisson(p.perDay * share * p.week[weekday]!);
      for (let i = 0; i < flows; i++) payment(t, msn, hour + rnd() * HOUR);
      // The reconciler reads what can still change, day and night; support sometimes asks the wrong unit.
      for (let i = t.poisson(0.6); i > 0; i--) t.read(msn, hour + rnd() * HOUR, rnd() < 0.015);
    }
  }

  // The deploy: every checkout on the web shop fails and customers try again, about three a minute.
  const d = incidents.deploy;
  for (let m = d.from; m < d.to; m += MINUTE) {
    for (let i = t.poisson(3); i > 0; i--) payment(t, d.msn, m + rnd() * MINUTE);
    for (let i = t.poisson(1.5); i > 0; i--) t.read(d.msn, m + rnd() * MINUTE, false);
  }
  // The key rotation: the reconciler keeps trying every 30 seconds, each try refused at the token.
  const k = incidents.keyRotation;
  for (let at = k.from; at < k.to; at += 30_000) t.read(k.msn, at + rnd() * 1000, false);
  for (const burst of incidents.rateLimits) t.pollingBurst(burst);
  // A few calls that got no answer at all: retried (same X-Request-Id for a capture) and then fine.
  for (let i = 0; i < 13; i++) {
    const msn = STORY_MSNS[Math.floor(rnd() * STORY_MSNS.length)]!;
    const at = osloTime(o.now, 1 + Math.floor(rnd() * 28), 8 + Math.floor(rnd() * 13), Math.floor(rnd() * 60));
    t.noAnswer(msn, at, i % 4 === 3 ? "capture" : "details", i === 5 || i === 11 ? "ECONNRESET" : undefined);
  }
  return t.finish();
}

/** One payment the shop starts at `at`, and what the shop's staff and the customer do with it later. */
function payment(t: StoryTraffic, msn: string, at: number) {
  const rnd = t.rnd;
  const orderId = t.newOrderId(msn);
  const amount = t.amount();
  const mobileNumber = rnd() < 0.3 ? `9${String(Math.floor(rnd() * 1e7)).padStart(7, "0")}` : undefined;
  const refused81 = mobileNumber !== undefined && rnd() < 0.03;
  const started = t.call({
    at,
    msn,
    operation: "initiate",
    orderId,
    amount,
    mobileNumber,
    outcome: refused81 ? vipps(400, "User", "81") : { kind: "ok" },
  });
  if (!started || refused81) return;
  let clock = at;
  for (let polls = 1 + Number(rnd() < 0.4) + Number(rnd() < 0.1); polls > 0; polls--) {
    clock += t.duration(25_000, 0.6);
    t.call({ at: clock, msn, operation: "details", orderId, amount });
  }
  const reserve = msn !== "212346";
  if (rnd() >= 0.88) {
    // Rejected or left: the shop cancels some of them.
    if (reserve && rnd() < 0.25) t.call({ at: at + 12 * MINUTE, msn, operation: "cancel", orderId, amount });
    return;
  }
  if (!reserve) {
    if (rnd() < 0.05) refund(t, msn, orderId, amount, at + t.duration(2 * DAY, 0.8));
    return;
  }
  // Most orders ship within a day or two; some wait for goods on backorder, past the card's hold.
  const late = rnd() < 0.08;
  const delay = late ? (5 + rnd() * 9) * DAY : Math.min(Math.max(t.duration(5 * HOUR, 1.1), 10 * MINUTE), 3 * DAY);
  const captureAt = at + delay;
  const requestId = `cap-${orderId}`;
  if (rnd() < 0.03) {
    t.call({ at: captureAt, msn, operation: "cancel", orderId, amount });
    return;
  }
  // Past the card's hold Vipps charges the card again, and the customer's bank may say no (vipps-faq).
  if (late && rnd() < 0.2) {
    const code = CUSTOMER_CODES[Math.floor(rnd() * CUSTOMER_CODES.length)]!;
    t.call({
      at: captureAt,
      msn,
      operation: "capture",
      orderId,
      amount,
      requestId,
      outcome: vipps(400, "Payment", code),
    });
    return;
  }
  let captureOk = captureAt;
  if (rnd() < 0.012) {
    // Staff typed more than was reserved: 61, then the right amount a couple of minutes later.
    const over = { operation: "capture" as const, orderId, amount: amount + 10_000, requestId: `${requestId}-a` };
    t.call({ at: captureAt, msn, ...over, outcome: vipps(400, "Payment", "61") });
    captureOk += t.duration(2 * MINUTE, 0.4);
  }
  if (!t.call({ at: captureOk, msn, operation: "capture", orderId, amount, requestId, captured: amount })) return;
  if (rnd() < 0.006) {
    // Cancel pressed where a refund was meant.
    t.call({ at: captureOk + HOUR, msn, operation: "cancel", orderId, amount, outcome: vipps(400, "Payment", "51") });
  }
  if (rnd() < 0.06) refund(t, msn, orderId, amount, captureOk + t.duration(2 * DAY, 0.8));
}

function refund(t: StoryTraffic, msn: string, orderId: string, amount: number, at: number) {
  const base = { msn, operation: "refund" as const, orderId, captured: amount };
  if (t.rnd() < 0.06) {
    t.call({ ...base, at, amount: amount * 2, requestId: `ref-${orderId}-a`, outcome: vipps(400, "Payment", "71") });
    at += t.duration(3 * MINUTE, 0.4);
  }
  t.call({ ...base, at, amount, requestId: `ref-${orderId}`, refunded: amount });
}
