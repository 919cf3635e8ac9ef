// "I was charged twice": a plain-language answer generated from the payment's log, in bokmål and
// English, ready to copy to the customer, with a verdict on real duplicates. Pure, so it is tested
// on its own; lib/payments/charged-twice.ts gathers the data.
import type { PaymentStatus } from "@/generated/prisma/enums";
import { formatDateTime, formatOre } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
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

export interface Explanation {
  verdict: Verdict;
  text: Record<Locale, string>;
  /** Ids the customer can match in the Vipps app. */
  transactionIds: string[];
  duplicates: DuplicateCandidate[];
}

const HOLDS_MONEY: PaymentStatus[] = ["reserved", "partially_captured", "captured", "partially_refunded"];

function days(scheme: CardScheme, locale: Locale) {
  if (scheme === "unknown") return locale === "nb" ? "vanligvis innen 7–30 dager" : "usually within 7–30 days";
  const name = { visa: "Visa", visa_electron: "Visa Electron", mastercard: "Mastercard" }[scheme];
  return locale === "nb"
    ? `vanligvis innen ${GUARANTEE_DAYS[scheme]} dager for ${name}`
    : `usually within ${GUARANTEE_DAYS[scheme]} days for ${name}`;
}

function sentences(p: ExplainPayment, locale: Locale): string[] {
  const nb = locale === "nb";
  const ok = p.events.filter((e) => e.operationSuccess).sort((a, b) => a.timeStamp.getTime() - b.timeStamp.getTime());
  const at = (e: ExplainEvent | undefined) => (e ? formatDateTime(e.timeStamp, locale) : "");
  const reserve = ok.find((e) => e.operation === "RESERVE");
  const sale = ok.find((e) => e.operation === "SALE");
  const captures = ok.filter((e) => e.operation === "CAPTURE");
  const refunds = ok.filter((e) => e.operation === "REFUND");
  const voids = ok.filter((e) => e.operation === "VOID");
  const out: string[] = [];
  if (!reserve && !sale) {
    out.push(
      nb
        ? `Betalingen for ordre ${p.orderId} ble ikke gjennomført, og ingenting er trukket fra kontoen din.`
        : `The payment for order ${p.orderId} was not completed, and nothing has been charged to your account.`,
    );
    return out;
  }
  if (sale) {
    out.push(
      nb
        ? `Du betalte ${formatOre(sale.amount)} for ordre ${p.orderId} ${at(sale)}. Beløpet ble trukket med én gang, så dette er én betaling.`
        : `You paid ${formatOre(sale.amount)} for order ${p.orderId} on ${at(sale)}. The amount was charged at once, so this is one payment.`,
    );
  } else if (reserve) {
    out.push(
      nb
        ? `Du betalte for ordre ${p.orderId} ${at(reserve)}. Da ble ${formatOre(reserve.amount)} reservert på kortet ditt.`
        : `You paid for order ${p.orderId} on ${at(reserve)}. ${formatOre(reserve.amount)} was then reserved on your card.`,
    );
    if (captures.length === 1)
      out.push(
        nb
          ? `${at(captures[0])} ble ${formatOre(captures[0]!.amount)} trukket.`
          : `On ${at(captures[0])}, ${formatOre(captures[0]!.amount)} was charged.`,
      );
    else if (captures.length > 1) {
      const list = captures.map((c) => `${formatOre(c.amount)} (${at(c)})`).join(nb ? " og " : " and ");
      out.push(
        nb
          ? `Beløpet ble trukket i ${captures.length} deler etter hvert som varene ble sendt: ${list}.`
          : `It was charged in ${captures.length} parts as the goods were sent: ${list}.`,
      );
    }
    const released = voids[voids.length - 1];
    if (captures.length === 0 && released)
      out.push(
        nb
          ? `Reservasjonen ble kansellert ${at(released)}, så ingenting er trukket. Banken frigir beløpet, ${days(p.scheme, locale)}.`
          : `The reservation was cancelled on ${at(released)}, so nothing was charged. Your bank releases the amount, ${days(p.scheme, locale)}.`,
      );
    else if (captures.length === 0)
      out.push(
        nb
          ? `Beløpet er bare reservert, ikke trukket ennå. Det trekkes når varene sendes.`
          : `The amount is only reserved, not charged yet. It is charged when the goods are sent.`,
      );
    else if (released)
      out.push(
        nb
          ? `Resten, ${formatOre(released.amount)}, ble frigitt ${at(released)} og vil ikke bli trukket.`
          : `The rest, ${formatOre(released.amount)}, was released on ${at(released)} and will not be charged.`,
      );
    else if (p.remainingToCapture > 0)
      out.push(
        nb
          ? `Resten, ${formatOre(p.remainingToCapture)}, er fortsatt reservert: den trekkes når resten av varene sendes, ellers faller reservasjonen bort av seg selv.`
          : `The rest, ${formatOre(p.remainingToCapture)}, is still reserved: it is charged when the remaining goods are sent, otherwise the reservation drops by itself.`,
      );
    if (captures.length > 0)
      out.push(
        nb
          ? `Banken din kan vise både reservasjonen og trekket som to linjer til reservasjonen faller bort, ${days(p.scheme, locale)}. Du betaler bare én gang.`
          : `Your bank may show both the reservation and the charge as two lines until the reservation drops, ${days(p.scheme, locale)}. You only pay once.`,
      );
  }
  for (const r of refunds)
    out.push(
      nb
        ? `${formatOre(r.amount)} ble refundert ${at(r)}. Det tar vanligvis 2–3 bankdager (opptil 10) før pengene er tilbake på kontoen.`
        : `${formatOre(r.amount)} was refunded on ${at(r)}. It usually takes 2–3 banking days (up to 10) before the money is back in your account.`,
    );
  return out;
}

export function explainChargedTwice(p: ExplainPayment, candidates: DuplicateCandidate[]): Explanation {
  const duplicates = candidates.filter((c) => HOLDS_MONEY.includes(c.status));
  const moved = p.events.some((e) => e.operationSuccess && (e.operation === "RESERVE" || e.operation === "SALE"));
  const verdict: Verdict =
    duplicates.length > 0 && moved ? "genuine_second_payment" : moved ? "one_payment" : "nothing_charged";
  const transactionIds = [
    ...new Set(
      p.events
        .filter((e) => e.operationSuccess && e.transactionId && e.operation !== "INITIATE")
        .map((e) => e.transactionId!),
    ),
  ];
  const text = {} as Record<Locale, string>;
  for (const locale of ["nb", "en"] as const) {
    const parts = sentences(p, locale);
    if (verdict === "genuine_second_payment") {
      const list = duplicates
        .map((d) => `${d.orderId} (${formatOre(d.amount)}, ${formatDateTime(d.createdAt, locale)})`)
        .join(", ");
      parts.push(
        locale === "nb"
          ? `Vi ser også en egen betaling på samme beløp: ${list}. Den er en ekte ny betaling, og vi kansellerer eller refunderer den.`
          : `We also see a separate payment of the same amount: ${list}. That is a genuine second payment, and we will cancel or refund it.`,
      );
    }
    if (transactionIds.length)
      parts.push(
        locale === "nb"
          ? `Transaksjons-ID i Vipps-appen: ${transactionIds.join(", ")}.`
          : `Transaction IDs in the Vipps app: ${transactionIds.join(", ")}.`,
      );
    text[locale] = parts.join(" ");
  }
  return { verdict, text, transactionIds, duplicates };
}
