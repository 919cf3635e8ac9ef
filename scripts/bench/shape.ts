// The benchmark data's shape, shared by the generator (SQL) and the query picker (JS): orderIds and
// transactionIds are pure functions of the payment number g, so queries can be built without
// reading the database.
import { mulberry32 } from "@/lib/random";
import { createHash } from "node:crypto";
import type { PaymentStatus } from "@/generated/prisma/enums";

export interface BenchShape {
  payments: number;
  salesUnits: number;
  /** The generator's "now" (epoch ms): createdAt spans the 90 days before it. */
  now: number;
}

export const BENCH_ITEMS = [
  "Ullsokker",
  "Kaffekopp",
  "Sykkellykt",
  "Regnjakke",
  "Hodetelefoner",
  "Barnesko",
  "Pizzastein",
  "Yogamatte",
  "Termos",
  "Lesebrett",
  "Fjellsko",
  "Sovepose",
];

/** Share of each status (sums to 1). */
export const BENCH_STATUS_WEIGHTS: readonly (readonly [PaymentStatus, number])[] = [
  ["initiated", 0.04],
  ["failed", 0.07],
  ["reserved", 0.1],
  ["partially_captured", 0.03],
  ["captured", 0.55],
  ["partially_refunded", 0.04],
  ["refunded", 0.07],
  ["cancelled", 0.08],
  ["voided", 0.02],
];

/** Sales unit i (0-based) → its MSN. Unit 0 is the largest. */
export const benchMsn = (i: number) => String(300001 + i);

/** The root payment a payment's orderId comes from (siblings and shared orderIds point back). */
export function rootOf(g: number): number {
  const r = g % 100;
  return r === 11 || r === 21 || r === 31 || r === 50 ? g - 1 : r === 12 ? g - 2 : g;
}

export function orderIdOf(g: number): string {
  const j = rootOf(g);
  const r = g % 100;
  const sib = r === 11 || r === 21 || r === 31 ? "-1" : r === 12 ? "-2" : "";
  return `FS-${100000 + j}-${createHash("md5").update(String(j)).digest("hex").slice(0, 5)}${sib}`;
}

/** The transactionId of a payment's INITIATE/RESERVE entries. */
export const transactionIdOf = (g: number) => String(4_000_000_000 + g);

/** A deterministic PRNG, so every run asks the same questions. */
export const prng = mulberry32;
