import { formatOre } from "@/lib/format";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { MatchCount, MoneyTotals } from "@/lib/payments/history/totals";
import { TEXT_COUNT_CAP } from "@/lib/payments/history/totals";
import { formatCount, formatMatchCount } from "./format-count";
import type { HistoryText } from "./types";

/** Count and kroner of the whole filtered set (not just the page). */
export function HistoryTotals({
  total,
  sums,
  locale,
  t,
}: {
  total: MatchCount;
  sums: MoneyTotals | null;
  locale: Locale;
  t: HistoryText;
}) {
  const item = (label: string, value: string, id: string) => (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-ink-muted">{label}</dt>
      <dd data-testid={`total-${id}`} className="truncate text-base font-semibold tabular-nums">
        {value}
      </dd>
    </div>
  );
  return (
    <section
      aria-label={t.totals.label}
      data-testid="history-totals"
      className="mb-4 rounded-card border border-surface-line bg-surface px-4 py-3 shadow-card"
    >
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {item(t.totals.count, formatMatchCount(total, locale), "count")}
        {sums ? (
          <>
            {item(t.totals.reserved, formatOre(sums.reserved), "reserved")}
            {item(t.totals.captured, formatOre(sums.captured), "captured")}
            {item(t.totals.refunded, formatOre(sums.refunded), "refunded")}
          </>
        ) : null}
      </dl>
      {sums ? null : (
        <p className="mt-2 text-xs text-ink-muted">
          {interpolate(t.totals.capped, { count: formatCount(TEXT_COUNT_CAP, locale) })}
        </p>
      )}
    </section>
  );
}
