// The "charged twice" answer in one language: each fact from lib/payments/detail/explain.ts becomes
// its sentence from the dictionary (chargedTwice.answer), filled with the fact's amounts and times.
// Pure, so the wording is unit-tested in both languages.
import { formatDateTime, formatOre as formatNok } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { BankRelease, Explanation, ExplanationFact } from "@/lib/payments/detail/explain";

function sentence(t: Dictionary, locale: Locale, f: ExplanationFact): string {
  const a = t.chargedTwice.answer;
  const at = (d: Date) => formatDateTime(d, locale);
  // Money the way the customer's language writes it: "599,00 kr" / "NOK 599.00".
  const formatOre = (ore: number) => formatNok(ore, locale);
  const release = (r: BankRelease) =>
    r.scheme === "unknown" || r.days === null
      ? a.releaseUnknownScheme
      : interpolate(a.release, { days: r.days, scheme: t.payment.schemes[r.scheme] });
  switch (f.code) {
    case "not_completed":
      return interpolate(a.not_completed, { orderId: f.orderId });
    case "only_reserved":
      return a.only_reserved;
    case "sale":
    case "reserved":
      return interpolate(a[f.code], { orderId: f.orderId, amount: formatOre(f.amount), at: at(f.at) });
    case "captured":
    case "rest_released":
    case "refunded":
      return interpolate(a[f.code], { amount: formatOre(f.amount), at: at(f.at) });
    case "rest_reserved":
      return interpolate(a.rest_reserved, { amount: formatOre(f.amount) });
    case "captured_in_parts":
      return interpolate(a.captured_in_parts, {
        count: f.parts.length,
        parts: f.parts
          .map((p) => interpolate(a.part, { amount: formatOre(p.amount), at: at(p.at) }))
          .join(` ${a.and} `),
      });
    case "reservation_cancelled":
      return interpolate(a.reservation_cancelled, { at: at(f.at), release: release(f.release) });
    case "bank_shows_two_lines":
      return interpolate(a.bank_shows_two_lines, { release: release(f.release) });
    case "second_payment":
      return interpolate(f.payments.length === 1 ? a.second_payment_one : a.second_payment_many, {
        count: f.payments.length,
        payments: f.payments
          .map((p) =>
            interpolate(a.otherPayment, { orderId: p.orderId, amount: formatOre(p.amount), created: at(p.createdAt) }),
          )
          .join(", "),
      });
    case "second_payment_undone":
      return interpolate(a.second_payment_undone[f.outcome], { orderId: f.orderId, amount: formatOre(f.amount) });
    case "transaction_ids":
      return interpolate(a.transaction_ids, {
        ids: f.ids
          .map(({ id, kinds }) =>
            interpolate(a.transactionId, { id, kinds: kinds.map((k) => a.transactionKinds[k]).join(", ") }),
          )
          .join(", "),
      });
  }
}

/** The whole answer, ready to copy to the customer. `t` and `locale` are the answer's language. */
export function explanationText(t: Dictionary, locale: Locale, x: Explanation): string {
  return x.facts.map((f) => sentence(t, locale, f)).join(" ");
}
