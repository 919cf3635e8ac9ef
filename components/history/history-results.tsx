import Link from "next/link";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { HistoryView } from "@/lib/payments/history/query";
import { historyExportHref, type HistoryUrlState } from "@/lib/payments/history/url";
import { formatCount } from "./format-count";
import { HistoryTable } from "./history-table";
import { Pagination } from "./pagination";
import { StatusChips } from "./status-chips";
import type { HistoryText } from "./types";

interface Props {
  /** Started by the page; awaited here so the form stays on screen while rows load. */
  view: Promise<HistoryView>;
  msn: string;
  state: HistoryUrlState;
  filtered: boolean;
  locale: Locale;
  t: HistoryText;
}

export async function HistoryResults({ view, msn, state, filtered, locale, t }: Props) {
  const { rows, counts, all, total, next, previous } = await view;
  const empty =
    rows.length > 0 ? undefined : (
      <div className="space-y-2">
        <p>{filtered ? t.empty : t.emptyUnit}</p>
        {filtered ? (
          <Link href={`/history/${encodeURIComponent(msn)}`} className="font-medium text-brand-700 hover:underline">
            {t.clearFilters}
          </Link>
        ) : null}
      </div>
    );
  return (
    <>
      <StatusChips msn={msn} state={state} counts={counts} all={all} locale={locale} t={t} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p
          data-testid="history-total"
          data-more={total.more ? "true" : undefined}
          className="text-sm text-ink-muted"
          aria-live="polite"
        >
          {total.more
            ? interpolate(t.matchesMore, { count: formatCount(total.n, locale) })
            : total.n === 1
              ? t.matchesOne
              : interpolate(t.matches, { count: formatCount(total.n, locale) })}
        </p>
        {total.n > 0 ? (
          <a
            href={historyExportHref(msn, state)}
            download
            title={interpolate(total.more ? t.exportHintMore : t.exportHint, { count: formatCount(total.n, locale) })}
            className="rounded-lg border border-surface-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:bg-surface-sunken"
          >
            ↓ {t.exportCsv}
          </a>
        ) : null}
      </div>
      <HistoryTable rows={rows} msn={msn} state={state} locale={locale} t={t} empty={empty} />
      <Pagination msn={msn} state={state} previous={previous} next={next} t={t} />
    </>
  );
}
