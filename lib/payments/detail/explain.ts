// "I was charged twice": what the payment's log says happened, as facts with codes, amounts and
// times, and a verdict on real duplicates. No words here: each fact is one sentence of the answer
// for the customer, written in the dictionaries (chargedTwice.answer) and put together where it is
// shown (components/payments/explanation-text.ts). Pure, so it is tested on its own;
// lib/payments/detail/load.ts gathers the data.
import type { PaymentStatus } from "@/generated/prisma/enums";
import { GUARANTEE_DAYS, type CardScheme } from "@/lib/payments/detail/deadlines";

export interface ExplainEvent {
  operation: string;
  amount: number;
  operationSuccess: boolean;
  transactionId: string | null;
  timeStamp: Date;
}

export interface ExplainPayment {
  orderId: string;
  status: PaymentStatus;
  capturedAmount: number;
  refundedAmount: number;
  remainingToCapture: number;
  scheme: CardScheme;
  /** Any order; failed attempts are ignored. */
  events: ExplainEvent[];
}

export interface DuplicateCandidate {
  msn: string;
  orderId: string;
  amount: number;
  status: PaymentStatus;
  capturedAmount: number;
  reservedAmount: number;
  createdAt: Date;
}

export type Verdict = "one_payment" | "genuine_second_payment" | "nothing_charged";

/** How long the bank typically keeps a reservation: days for a known scheme, null when unknown. */
export interface BankRelease {
  scheme: CardScheme;
  days: number | null;
}

/** Amounts in øre. One fact is one sentence of the answer, in this order. */
export type ExplanationFact =
  | { code: "not_completed"; orderId: string }
  | { code: "sale"; orderId: string; amount: number; at: Date }
  | { code: "reserved"; orderId: string; amount: number; at: Date }
  | { code: "captured"; amount: number; at: Date }
  | { code: "captured_in_parts"; parts: { amount: number; at: Date }[] }
  | { code: "reservation_cancelled"; at: Date; release: BankRelease }
  | { code: "only_reserved" }
  | { code: "rest_released"; amount: number; at: Date }
  | { code: "rest_reserved"; amount: number }
  | { code: "bank_shows_two_lines"; release: BankRelease }
  | { code: "refunded"; amount: number; at: Date }
  | { code: "second_payment"; payments: { orderId: string; amount: number; createdAt: Date }[] }
  /** Another payment of the same amount that no longer holds money: what was done, as Vipps reports it. */
  | { code: "second_payment_undone"; orderId: string; amount: number; outcome: "refunded" | "cancelled" }
  | { code: "transaction_ids"; ids: { id: string; kinds: TransactionKind[] }[] };

/** What a transactionId stands for in the Vipps app. */
export type TransactionKind = "reservation" | "sale" | "capture" | "refund" | "cancellation";
const KIND: Record<string, TransactionKind> = {
  RESERVE: "reservation",
  SALE: "sale",
  CAPTURE: "capture",
  REFUND: "refund",
  VOID: "cancellation",
};

export interface Explanation {
  verdict: Verdict;
  facts: ExplanationFact[];
  /** Ids the customer can match in the Vipps app. */
  transactionIds: string[];
  duplicates: DuplicateCandidate[];
}

const HOLDS_MONEY: PaymentStatus[] = ["reserved", "partially_captured", "captured", "partially_refunded"];
/** A payment that once held money and gave it all back: refunded in full, or its reservation cancelled. */
const UNDONE: Partial<Record<PaymentStatus, "refunded" | "cancelled">> = { refunded: "refunded", voided: "cancelled" };

const bankRelease = (scheme: CardScheme): BankRelease => ({
  scheme,
  days: scheme === "unknown" ? null : GUARANTEE_DAYS[scheme],
});

/** What happened to the money, in the order the customer reads it. */
function history(p: ExplainPayment): ExplanationFact[] {
  const ok = p.events.filter((e) => e.operationSuccess).sort((a, b) => a.timeStamp.getTime() - b.timeStamp.getTime());
  const reserve = ok.find((e) => e.operation === "RESERVE");
  const sale = ok.find((e) => e.operation === "SALE");
  const captures = ok.filter((e) => e.operation === "CAPTURE");
  const refunds = ok.filter((e) => e.operation === "REFUND");
  const voids = ok.filter((e) => e.operation === "VOID");
  if (!reserve && !sale) return [{ code: "not_completed", orderId: p.orderId }];
  const out: ExplanationFact[] = [];
  if (sale) {
    out.push({ code: "sale", orderId: p.orderId, amount: sale.amount, at: sale.timeStamp });
  } else if (reserve) {
    out.push({ code: "reserved", orderId: p.orderId, amount: reserve.amount, at: reserve.timeStamp });
    const [first] = captures;
    if (captures.length === 1 && first) out.push({ code: "captured", amount: first.amount, at: first.timeStamp });
    else if (captures.length > 1)
      out.push({ code: "captured_in_parts", parts: captures.map((c) => ({ amount: c.amount, at: c.timeStamp })) });
    const released = voids[voids.length - 1];
    if (captures.length === 0 && released)
      out.push({ code: "reservation_cancelled", at: released.timeStamp, release: bankRelease(p.scheme) });
    else if (captures.length === 0) out.push({ code: "only_reserved" });
    else if (released) out.push({ code: "rest_released", amount: released.amount, at: released.timeStamp });
    else if (p.remainingToCapture > 0) out.push({ code: "rest_reserved", amount: p.remainingToCapture });
    if (captures.length > 0) out.push({ code: "bank_shows_two_lines", release: bankRelease(p.scheme) });
  }
  for (const r of refunds) out.push({ code: "refunded", amount: r.amount, at: r.timeStamp });
  return out;
}

export function explainChargedTwice(p: ExplainPayment, candidates: DuplicateCandidate[]): Explanation {
  const duplicates = candidates.filter((c) => HOLDS_MONEY.includes(c.status));
  const moved = p.events.some((e) => e.operationSuccess && (e.operation === "RESERVE" || e.operation === "SALE"));
  const verdict: Verdict =
    duplicates.length > 0 && moved ? "genuine_second_payment" : moved ? "one_payment" : "nothing_charged";
  // Each id with what it stands for (one id can carry several operations), in the order they happened.
  const labelled = new Map<string, TransactionKind[]>();
  for (const e of [...p.events].sort((a, b) => a.timeStamp.getTime() - b.timeStamp.getTime())) {
    const kind = KIND[e.operation];
    if (!e.operationSuccess || !e.transactionId || !kind) continue;
    const kinds = labelled.get(e.transactionId) ?? [];
    if (!kinds.includes(kind)) kinds.push(kind);
    labelled.set(e.transactionId, kinds);
  }
  const transactionIds = [...labelled.keys()];
  const facts = history(p);
  if (verdict === "genuine_second_payment")
    facts.push({
      code: "second_payment",
      payments: duplicates.map((d) => ({ orderId: d.orderId, amount: d.amount, createdAt: d.createdAt })),
    });
  // Only what has been done is told: a second payment counts as refunded or cancelled once Vipps says so.
  if (moved)
    for (const c of candidates) {
      const outcome = UNDONE[c.status];
      if (outcome && (c.reservedAmount > 0 || c.capturedAmount > 0))
        facts.push({ code: "second_payment_undone", orderId: c.orderId, amount: c.amount, outcome });
    }
  if (labelled.size) facts.push({ code: "transaction_ids", ids: [...labelled].map(([id, kinds]) => ({ id, kinds })) });
  return { verdict, facts, transactionIds, duplicates };
}
