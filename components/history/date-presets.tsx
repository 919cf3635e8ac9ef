import { Link } from "@/components/ui/link";
import { DATE_PRESETS, historyHref, type HistoryUrlState } from "@/lib/payments/history/url";
import type { HistoryText } from "./types";

const pill = (active: boolean) =>
  `inline-flex rounded-full border px-3 py-1 text-sm ${
    active
      ? "border-brand-500 bg-brand-50 font-medium text-brand-700"
      : "border-surface-line bg-surface text-ink-muted hover:text-ink"
  }`;

/** Today, 7 days, 30 days, this month (Oslo days, resolved when the page is read) and all time, as links. */
export function DatePresets({ state, t }: { state: HistoryUrlState; t: HistoryText }) {
  const custom = !state.range && Boolean(state.from || state.to);
  return (
    <nav aria-label={t.presets.label} className="mb-3 flex flex-wrap items-center gap-1.5">
      <span className="mr-1 text-sm font-medium">{t.presets.label}</span>
      <ul data-testid="date-presets" className="flex flex-wrap gap-1.5">
        <li>
          <Link
            href={historyHref(state, { range: undefined, from: undefined, to: undefined })}
            aria-current={!state.range && !custom ? "true" : undefined}
            className={pill(!state.range && !custom)}
          >
            {t.presets.all}
          </Link>
        </li>
        {DATE_PRESETS.map((p) => (
          <li key={p}>
            <Link
              href={historyHref(state, { range: p, from: undefined, to: undefined })}
              aria-current={state.range === p ? "true" : undefined}
              data-preset={p}
              className={pill(state.range === p)}
            >
              {t.presets[p]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
