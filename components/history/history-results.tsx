import { Link } from "@/components/ui/link";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { HistoryView } from "@/lib/payments/history/query";
import { historyExportHref, type HistoryUrlState } from "@/lib/payments/history/url";
import { formatCount } from "./format-count";
import { HistoryTable } from "./history-table";
import { HistoryTotals } from "./history-totals";
import { pageRangeText, Pagination } from "./pagination";
import { StatusChips } from "./status-chips";
import type { HistoryText } from "./types";

interface Props {
  /** Started by the page; awaited here so the form stays on screen while rows load. */
  view: Promise<HistoryView>;
  units: ReadonlyMap<string, string>;
  state: HistoryUrlState;
  filtered: boolean;
  locale: Locale;
  t: HistoryText;
}

const button =
  "rounded-lg border border-surface-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-surface-sunken";

export async function HistoryResults({ view, units, state, filtered, locale, t }: Props) {
  const { rows, counts, all, total, sums, next, previous, start, restarted } = await view;
  const empty =
    rows.length > 0 ? undefined : (
      <div className="space-y-2">
        <p>{filtered ? t.empty : t.emptyUnit}</p>
        {filtered ? (
          <Link href="/history" className="font-medium text-brand-700 hover:underline">
            {t.clearFilters}
          </Link>
        ) : null}
      </div>
    );
  const range = rows.length > 0 ? pageRangeText(start, rows.length, total, locale, t) : null;
  return (
    <>
      {restarted ? (
        <p
          role="alert"
          data-testid="history-page-gone"
          className="mb-4 rounded-lg bg-warn-bg px-3 py-2 text-sm text-warn-fg"
        >
          {t.pageGone}
        </p>
      ) : null}
      <StatusChips state={state} counts={counts} all={all} locale={locale} t={t} />
      <HistoryTotals total={total} sums={sums} locale={locale} t={t} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p
          data-testid="history-total"
          data-more={total.more ? "true" : undefined}
          className="text-sm text-ink-muted"
          aria-live="polite"
        >
          {range ?? (total.n === 0 ? interpolate(t.matches, { count: "0" }) : null)}
        </p>
        {total.n > 0 ? (
          <div className="flex flex-wrap gap-2">
            <a
              href={historyExportHref(state)}
              download
              title={interpolate(total.more ? t.exportHintMore : t.exportHint, { count: formatCount(total.n, locale) })}
              className={button}
            >
              ↓ {t.exportCsv}
            </a>
            <a href={historyExportHref(state, "excel")} download title={t.exportExcelHint} className={button}>
              ↓ {t.exportExcel}
            </a>
          </div>
        ) : null}
      </div>
      <HistoryTable rows={rows} units={units} state={state} locale={locale} t={t} empty={empty} />
      <Pagination state={state} previous={previous} next={next} rangeText={range} t={t} />
    </>
  );
}
