// The answer to "I was charged twice": the verdict, the answer in both languages (whatever the UI
// language: the customer may write in either), and the other payments of the same amount.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatOre } from "@/lib/format";
import { paymentHref } from "@/lib/ids";
import { dictionary } from "@/lib/i18n/dictionaries";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Explanation } from "@/lib/payments/detail/explain";
import { ChargedTwiceAnswers } from "./charged-twice-answers";
import { explanationText } from "./explanation-text";

export function ChargedTwice({ explanation, t, locale }: { explanation: Explanation; t: Dictionary; locale: Locale }) {
  const { verdict, duplicates } = explanation;
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
                <Link href={paymentHref(d.msn, d.orderId)} className="font-mono text-brand-700 underline">
                  {d.orderId}
                </Link>{" "}
                · {formatOre(d.amount)} · {t.payment.status[d.status]} · {formatDateTime(d.createdAt, locale)}
              </li>
            ))}
          </ul>
          {verdict === "genuine_second_payment" ? <p className="mt-2 text-xs text-ink-muted">{x.actionLater}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
