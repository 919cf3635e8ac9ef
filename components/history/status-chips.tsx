import { Link } from "@/components/ui/link";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { MatchCount, StatusCounts } from "@/lib/payments/history/totals";
import { historyHref, PAYMENT_STATUSES, toggleStatus, type HistoryUrlState } from "@/lib/payments/history/url";
import { formatCount, formatMatchCount } from "./format-count";
import type { HistoryText } from "./types";

const chip = (selected: boolean, empty: boolean) =>
  `inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-sm ${
    selected
      ? "border-brand-500 bg-brand-50 font-medium text-brand-700"
      : "border-surface-line bg-surface text-ink-muted hover:text-ink"
  } ${empty && !selected ? "opacity-60" : ""}`;

/**
 * Counts per status under the other filters. Each chip toggles its status in the URL, so several
 * can be chosen; "All" clears the status filter. Without counts (a text search past the cap) the
 * chips still filter, and a line says when the counts come back.
 */
export function StatusChips({
  state,
  counts,
  all,
  locale,
  t,
}: {
  state: HistoryUrlState;
  counts: StatusCounts | null;
  all: MatchCount;
  locale: Locale;
  t: HistoryText;
}) {
  const n = (v: number) => formatCount(v, locale);
  const none = state.status.length === 0;
  return (
    <nav aria-label={t.statusFilter} className="mb-4">
      <ul data-testid="status-chips" className="flex flex-wrap gap-1.5">
        <li>
          <Link
            href={historyHref(state, { status: [] })}
            aria-current={none ? "true" : undefined}
            className={chip(none, false)}
          >
            {t.allStatuses}
            <span className="tabular-nums text-xs">{formatMatchCount(all, locale)}</span>
          </Link>
        </li>
        {PAYMENT_STATUSES.map((s) => {
          const selected = state.status.includes(s);
          return (
            <li key={s}>
              <Link
                href={historyHref(state, { status: toggleStatus(state.status, s) })}
                aria-current={selected ? "true" : undefined}
                data-status={s}
                data-count={counts?.[s]}
                className={chip(selected, counts?.[s] === 0)}
              >
                {selected ? <span aria-hidden>✓</span> : null}
                {t.statuses[s]}
                {counts ? <span className="tabular-nums text-xs">{n(counts[s])}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
      {counts ? null : (
        <p data-testid="counts-capped" className="mt-2 text-xs text-ink-muted">
          {interpolate(t.countsCapped, { count: formatCount(all.n, locale) })}
        </p>
      )}
    </nav>
  );
}
