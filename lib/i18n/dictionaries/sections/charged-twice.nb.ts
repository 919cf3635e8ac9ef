// Strings for "I was charged twice" on the payment page (bokmål, the reference). Add keys here and
// in charged-twice.en.ts. `answer` is the text for the customer: one sentence per fact that
// lib/payments/detail/explain.ts finds, put together by components/payments/explanation-text.ts.
export const chargedTwiceNb = {
  title: "«Jeg ble belastet to ganger»",
  verdict: {
    one_payment: "Forklart: én betaling",
    genuine_second_payment: "Ekte ny betaling: kanseller eller refunder den",
    nothing_charged: "Ingenting er trukket",
  },
  copy: "Kopier svaret",
  copied: "Kopiert",
  nb: "Svar på norsk",
  en: "Svar på engelsk",
  duplicates: "Andre betalinger på samme beløp",
  actionByFinance: "Kanselleringen eller refusjonen av den andre betalingen gjøres av økonomi.",
  actCancel: "Kanseller denne reservasjonen",
  actRefund: "Refunder denne betalingen",
  answer: {
    not_completed: "Betalingen for ordre {orderId} ble ikke gjennomført, og ingenting er trukket fra kontoen din.",
    sale: "Du betalte {amount} for ordre {orderId} {at}. Beløpet ble trukket med én gang, så dette er én betaling.",
    reserved: "Du betalte for ordre {orderId} {at}. Da ble {amount} reservert på kortet ditt.",
    captured: "{at} ble {amount} trukket.",
    captured_in_parts: "Beløpet ble trukket i {count} deler etter hvert som varene ble sendt: {parts}.",
    reservation_cancelled:
      "Reservasjonen ble kansellert {at}, så ingenting er trukket. Banken frigir beløpet, {release}.",
    only_reserved: "Beløpet er bare reservert, ikke trukket ennå. Det trekkes når varene sendes.",
    rest_released: "Resten, {amount}, ble frigitt {at} og vil ikke bli trukket.",
    rest_reserved:
      "Resten, {amount}, er fortsatt reservert: den trekkes når resten av varene sendes, ellers faller reservasjonen bort av seg selv.",
    bank_shows_two_lines:
      "Banken din kan vise både reservasjonen og trekket som to linjer til reservasjonen faller bort, {release}. Du betaler bare én gang.",
    refunded:
      "{amount} ble refundert {at}. Det tar vanligvis 2–3 bankdager (opptil 10) før pengene er tilbake på kontoen.",
    /** Nothing is promised here: what is done is told by `second_payment_undone` once Vipps reports it. */
    second_payment_one: "Vi ser også en egen betaling på samme beløp: {payments}. Det er en ekte betaling nummer to.",
    second_payment_many:
      "Vi ser også {count} egne betalinger på samme beløp: {payments}. Det er ekte ekstra betalinger.",
    second_payment_undone: {
      refunded: "En egen betaling på samme beløp, {orderId} ({amount}), er refundert i sin helhet.",
      cancelled: "En egen betaling på samme beløp, {orderId} ({amount}), ble kansellert, så den ble ikke trukket.",
    },
    transaction_ids: "Transaksjons-ID i Vipps-appen: {ids}.",
    /** One id in `transaction_ids`: the id and what it stands for. */
    transactionId: "{id} ({kinds})",
    transactionKinds: {
      reservation: "reservasjon",
      sale: "betaling",
      capture: "trekk",
      refund: "refusjon",
      cancellation: "kansellering",
    },
    /** One capture in the list of `captured_in_parts`, joined by `and`. */
    part: "{amount} ({at})",
    and: "og",
    /** One payment in the list of `second_payment`. */
    otherPayment: "{orderId} ({amount}, {created})",
    /** How long the bank keeps a reservation, by card scheme. */
    release: "vanligvis innen {days} dager for {scheme}",
    releaseUnknownScheme: "vanligvis innen 7–30 dager",
  },
};
