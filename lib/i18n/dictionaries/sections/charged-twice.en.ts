import type { Widen } from "../widen";
import type { chargedTwiceNb } from "./charged-twice.nb";

export const chargedTwiceEn: Widen<typeof chargedTwiceNb> = {
  title: "“I was charged twice”",
  verdict: {
    one_payment: "Explained: one payment",
    genuine_second_payment: "Genuine second payment: cancel or refund it",
    nothing_charged: "Nothing was charged",
  },
  copy: "Copy the answer",
  copied: "Copied",
  nb: "Answer in Norwegian",
  en: "Answer in English",
  duplicates: "Other payments of the same amount",
  actionByFinance: "Finance cancels or refunds the other payment.",
  actCancel: "Cancel this reservation",
  actRefund: "Refund this payment",
  answer: {
    not_completed: "The payment for order {orderId} was not completed, and nothing has been charged to your account.",
    sale: "You paid {amount} for order {orderId} on {at}. The amount was charged at once, so this is one payment.",
    reserved: "You paid for order {orderId} on {at}. {amount} was then reserved on your card.",
    captured: "On {at}, {amount} was charged.",
    captured_in_parts: "It was charged in {count} parts as the goods were sent: {parts}.",
    reservation_cancelled:
      "The reservation was cancelled on {at}, so nothing was charged. Your bank releases the amount, {release}.",
    only_reserved: "The amount is only reserved, not charged yet. It is charged when the goods are sent.",
    rest_released: "The rest, {amount}, was released on {at} and will not be charged.",
    rest_reserved:
      "The rest, {amount}, is still reserved: it is charged when the remaining goods are sent, otherwise the reservation drops by itself.",
    bank_shows_two_lines:
      "Your bank may show both the reservation and the charge as two lines until the reservation drops, {release}. You only pay once.",
    refunded:
      "{amount} was refunded on {at}. It usually takes 2–3 banking days (up to 10) before the money is back in your account.",
    second_payment_one:
      "We also see a separate payment of the same amount: {payments}. That is a genuine second payment.",
    second_payment_many:
      "We also see {count} separate payments of the same amount: {payments}. These are genuine extra payments.",
    second_payment_undone: {
      refunded: "A separate payment of the same amount, {orderId} ({amount}), has been refunded in full.",
      cancelled: "A separate payment of the same amount, {orderId} ({amount}), was cancelled, so it was not charged.",
    },
    transaction_ids: "Transaction IDs in the Vipps app: {ids}.",
    transactionId: "{id} ({kinds})",
    transactionKinds: {
      reservation: "reservation",
      sale: "payment",
      capture: "capture",
      refund: "refund",
      cancellation: "cancellation",
    },
    part: "{amount} ({at})",
    and: "and",
    otherPayment: "{orderId} ({amount}, {created})",
    release: "usually within {days} days for {scheme}",
    releaseUnknownScheme: "usually within 7–30 days",
  },
};
