// The demo's story, planned up front and deterministic (seeded PRNG): which payments exist in which
// sales unit, when each was made, and what happens to it afterwards. lib/seed/payments.ts plays it
// through the simulator and the eCom client.
import { mulberry32 } from "@/lib/random";

export interface DemoUnit {
  msn: string;
  name: string;
  captureType: "reserve" | "direct";
  /** Share of the payments. */
  weight: number;
}

export const DEMO_UNITS: DemoUnit[] = [
  { msn: "212345", name: "Fjellsport Nettbutikk", captureType: "reserve", weight: 0.45 },
  { msn: "212346", name: "Fjellsport Kiosk", captureType: "direct", weight: 0.2 },
  { msn: "212347", name: "Fjellsport Utsalg", captureType: "reserve", weight: 0.2 },
  { msn: "212348", name: "Fjord Kaffe", captureType: "reserve", weight: 0.15 },
];

export type Step =
  | { at: number; kind: "approve"; bin: number }
  | { at: number; kind: "reject" | "timeout" }
  | { at: number; kind: "fail"; code: "41" | "42" | "43" | "44" | "45" }
  | { at: number; kind: "capture" | "refund"; amount?: number }
  | { at: number; kind: "cancel"; release?: boolean };

export interface PlannedPayment {
  msn: string;
  orderId: string;
  amount: number;
  text: string;
  at: number;
  steps: Step[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BINS = [492560, 476173, 454617, 545454, 522200, 417500]; // Visa, Visa, Visa Electron, Mastercard ×2, Visa Electron
const ITEMS = [
  "Fjellsko",
  "Vindjakke",
  "Ullgenser",
  "Sovepose",
  "Telt 2p",
  "Hodelykt",
  "Kaffe og bolle",
  "Turbukse",
  "Sekk 40 l",
  "Gavekort",
];

export function planDemo(count: number, now: number, seed = 2026): PlannedPayment[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => Math.floor(lo + rnd() * (hi - lo));
  const unitFor = () => {
    let r = rnd();
    for (const u of DEMO_UNITS) if ((r -= u.weight) <= 0) return u;
    return DEMO_UNITS[0]!;
  };
  const out: PlannedPayment[] = [];
  const amountOf = () =>
    pick([9900, 14900, 24900, 49900, 79900, 129900, 3490, 5990, 189900, 2590]) + between(0, 5) * 1000;

  for (let i = 0; i < count; i++) {
    const unit = unitFor();
    const at = now - Math.floor(rnd() ** 1.3 * 90 * DAY) - 20 * 60_000;
    const amount = amountOf();
    const orderId = `FS-${(100000 + i).toString()}-${Math.floor(rnd() * 1e6).toString(36)}`;
    const p: PlannedPayment = {
      msn: unit.msn,
      orderId,
      amount,
      text: `${pick(ITEMS)} – ordre ${100000 + i}`,
      at,
      steps: [],
    };
    const approve: Step = { at: at + between(20_000, 240_000), kind: "approve", bin: pick(BINS) };
    const later = (base: number, minH: number, maxH: number) =>
      Math.min(base + between(minH * HOUR, maxH * HOUR), now - 60_000);
    const r = rnd();
    const recent = now - at < 3 * DAY;
    if (r < 0.04) p.steps.push({ at: approve.at, kind: "reject" });
    else if (r < 0.08) p.steps.push({ at: at + 11 * 60_000, kind: "timeout" });
    else if (r < 0.11)
      p.steps.push({ at: approve.at, kind: "fail", code: pick(["41", "42", "42", "43", "44", "45"] as const) });
    else if (r < 0.12) p.steps.push({ at: at + 60_000, kind: "cancel" });
    else {
      p.steps.push(approve);
      const captureAt = later(approve.at, 1, 72);
      const refundAt = later(captureAt, 24, 240);
      const s = rnd();
      if (unit.captureType === "direct") {
        if (s < 0.08) p.steps.push({ at: refundAt, kind: "refund" });
        else if (s < 0.16) p.steps.push({ at: refundAt, kind: "refund", amount: Math.floor(amount / 3) + 100 });
        else if (s < 0.18) p.steps.push({ at: refundAt, kind: "refund", amount: amount + 500 }); // over-refund → 71
      } else if (recent && s < 0.45) {
        // still reserved: waiting for the goods to ship
      } else if (s < 0.05)
        p.steps.push({ at: captureAt, kind: "cancel" }); // void the reservation
      else if (s < 0.1) {
        const part = Math.floor(amount * 0.6);
        p.steps.push(
          { at: captureAt, kind: "capture", amount: part },
          { at: captureAt + HOUR, kind: "cancel", release: true },
        );
      } else if (s < 0.15) {
        const part = Math.floor(amount / 2);
        p.steps.push({ at: captureAt, kind: "capture", amount: part }, { at: captureAt + DAY, kind: "capture" });
      } else if (s < 0.18) p.steps.push({ at: captureAt, kind: "capture", amount: Math.floor(amount * 0.7) });
      else if (s < 0.19)
        p.steps.push(
          { at: captureAt, kind: "capture", amount: amount + 1000 },
          { at: captureAt + 60_000, kind: "capture" },
        ); // 61, then full
      else {
        p.steps.push({ at: captureAt, kind: "capture" });
        const t = rnd();
        if (t < 0.06) p.steps.push({ at: refundAt, kind: "refund" });
        else if (t < 0.12) p.steps.push({ at: refundAt, kind: "refund", amount: Math.floor(amount / 4) + 100 });
        else if (t < 0.14)
          p.steps.push(
            { at: refundAt, kind: "refund", amount: 1000 },
            { at: refundAt + DAY, kind: "refund", amount: 1500 },
          );
        else if (t < 0.15) p.steps.push({ at: refundAt, kind: "refund", amount: amount * 2 }); // over-refund → 71
      }
    }
    out.push(p);
  }
  out.push(...chargedTwice(now, rnd), ...pending(now));
  return out.sort((a, b) => a.at - b.at);
}

/** "I was charged twice": mostly reservation + capture; sometimes a real second payment. */
function chargedTwice(now: number, rnd: () => number): PlannedPayment[] {
  const out: PlannedPayment[] = [];
  for (let i = 0; i < 12; i++) {
    const at = now - Math.floor((1 + rnd() * 20) * DAY);
    const orderId = `DBL-${7000 + i}`;
    const base = { msn: "212345", amount: 59900, text: `Regnjakke – ordre ${7000 + i}` };
    out.push({
      ...base,
      orderId,
      at,
      steps: [
        { at: at + 60_000, kind: "approve", bin: 492560 },
        { at: at + 26 * HOUR, kind: "capture" },
      ],
    });
    if (i % 3 === 0) {
      // The customer tapped again after a timeout in the shop: a genuine second (and third) payment.
      out.push({
        ...base,
        orderId: `${orderId}-1`,
        at: at + 4 * 60_000,
        steps: [
          { at: at + 5 * 60_000, kind: "approve", bin: 492560 },
          { at: at + 26 * HOUR, kind: "capture" },
        ],
      });
      if (i === 0)
        out.push({
          ...base,
          orderId: `${orderId}-2`,
          at: at + 9 * 60_000,
          steps: [{ at: at + 10 * 60_000, kind: "approve", bin: 492560 }],
        });
    }
  }
  // The same orderId in two sales units (orderIds are unique per MSN only).
  for (let i = 0; i < 6; i++) {
    const at = now - Math.floor((2 + rnd() * 30) * DAY);
    const orderId = `ORD-${3100 + i}`;
    for (const msn of ["212345", "212347"]) {
      out.push({
        msn,
        orderId,
        amount: 24900 + i * 1000,
        text: `Ullsokker – ${orderId}`,
        at,
        steps: [
          { at: at + 90_000, kind: "approve", bin: 545454 },
          { at: at + 30 * HOUR, kind: "capture" },
        ],
      });
    }
  }
  return out;
}

/** A few payments still waiting for the user right now (they time out 10 minutes after starting). */
function pending(now: number): PlannedPayment[] {
  return ["212345", "212346", "212348"].map((msn, i) => ({
    msn,
    orderId: `NOW-${9000 + i}`,
    amount: 19900,
    text: "Venter på kunden",
    at: now - (i + 1) * 60_000,
    steps: [],
  }));
}
