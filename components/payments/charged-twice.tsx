// The answer to "I was charged twice": the verdict, the answer in both languages (whatever the UI
// language: the customer may write in either), and the other payments of the same amount.
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatOre } from "@/lib/format";
import { paymentHref } from "@/lib/ids";
import { dictionary } from "@/lib/i18n/dictionaries";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Explanation } from "@/lib/payments/detail/explain";
import { ChargedTwiceAnswers } from "./charged-twice-answers";
import { explanationText } from "./explanation-text";

/** Which money operation undoes a genuine second payment: cancel a reservation, refund a capture. */
function undo(status: Explanation["duplicates"][number]["status"]): "cancel" | "refund" | null {
  if (status === "reserved") return "cancel";
  if (status === "captured" || status === "partially_captured" || status === "partially_refunded") return "refund";
  return null;
}

export function ChargedTwice({
  explanation,
  t,
  locale,
  canMoveMoney = false,
  msn,
  orderId,
}: {
  explanation: Explanation;
  /** This payment, for the links' "Back". */
  msn: string;
  orderId: string;
  t: Dictionary;
  locale: Locale;
  /** Finance and admin get "cancel this reservation" / "refund this payment" on a genuine second payment. */
  canMoveMoney?: boolean;
}) {
  const { verdict, duplicates } = explanation;
  const here = paymentHref(msn, orderId);
  const x = t.chargedTwice;
  const text = Object.fromEntries(
    LOCALES.map((lang) => [lang, explanationText(dictionary(lang), lang, explanation)]),
  ) as Record<Locale, string>;
  return (
    <section data-testid="charged-twice" className="rounded-card border border-surface-line bg-surface p-5 shadow-card">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-ink-muted">{x.title}</h2>
        <Badge tone={verdict === "genuine_second_payment" ? "bad" : verdict === "one_payment" ? "ok" : "neutral"}>
          <span data-testid="verdict">{x.verdict[verdict]}</span>
        </Badge>
      </div>
      <ChargedTwiceAnswers text={text} t={x} />
      {duplicates.length > 0 ? (
        <div className="mt-4">
          <p className="text-xs font-medium text-ink-muted">{x.duplicates}</p>
          <ul className="mt-1 space-y-1 text-sm" data-testid="duplicates">
            {duplicates.map((d) => (
              <li key={d.orderId}>
                <Link href={paymentHref(d.msn, d.orderId, here)} className="font-mono text-brand-700 underline">
                  {d.orderId}
                </Link>{" "}
                · {formatOre(d.amount)} · {t.payment.status[d.status]} · {formatDateTime(d.createdAt, locale)}
                {canMoveMoney && verdict === "genuine_second_payment" && undo(d.status) ? (
                  <>
                    {" "}
                    ·{" "}
                    <Link
                      data-testid="undo-duplicate"
                      href={`${paymentHref(d.msn, d.orderId)}?act=${undo(d.status)}`}
                      className="font-medium text-brand-700 underline"
                    >
                      {undo(d.status) === "cancel" ? x.actCancel : x.actRefund}
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {verdict === "genuine_second_payment" && !canMoveMoney ? (
            <p className="mt-2 text-xs text-ink-muted">{x.actionByFinance}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
