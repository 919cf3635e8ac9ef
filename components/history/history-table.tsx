import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { formatDateTime, formatOre } from "@/lib/format";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { HistoryRow } from "@/lib/payments/history/query";
import { paymentHref } from "@/lib/ids";
import { historyHref, type HistorySortField, type HistoryUrlState } from "@/lib/payments/history/url";
import { StatusBadge } from "@/components/payments/status-badge";
import type { HistoryText } from "./types";

const th = "px-4 py-2.5 font-medium";
const td = "px-4 py-2.5 align-middle";
const money = `${td} whitespace-nowrap text-right tabular-nums`;

/** The column each sort field heads. */
const SORT_COLUMN: Record<HistorySortField, keyof HistoryText["columns"]> = {
  amount: "amount",
  date: "created",
  status: "status",
  captured: "captured",
  refunded: "refunded",
};

/** Where sorting by a field leads: by it, or the other way round if it already sorts the list. */
function sortTarget(field: HistorySortField, state: HistoryUrlState) {
  const active = state.sort === field;
  // Status reads best in the life of a payment (ascending) first; the rest largest or newest first.
  const first = field === "status" ? "asc" : "desc";
  const nextDir = active ? (state.dir === "desc" ? "asc" : "desc") : first;
  const arrow = active ? (state.dir === "asc" ? "▲" : "▼") : first === "asc" ? "▲" : "▼";
  return { active, arrow, href: historyHref(state, { sort: field, dir: nextDir }) };
}

/** A sort link's text: the column, its arrow, and the direction for screen readers. */
function SortLabel({
  label,
  active,
  arrow,
  state,
  t,
}: {
  label: string;
  active: boolean;
  arrow: string;
  state: HistoryUrlState;
  t: HistoryText;
}) {
  return (
    <>
      {label}
      <span aria-hidden className={active ? "" : "opacity-30"}>
        {arrow}
      </span>
      {active ? <span className="sr-only">({state.dir === "asc" ? t.sortedAsc : t.sortedDesc})</span> : null}
    </>
  );
}

/** A sortable column head: a link that sorts by the column, or flips the direction if it already does. */
function SortHead({
  field,
  state,
  t,
  align,
}: {
  field: HistorySortField;
  state: HistoryUrlState;
  t: HistoryText;
  align?: "right";
}) {
  const label = t.columns[SORT_COLUMN[field]];
  const { active, arrow, href } = sortTarget(field, state);
  return (
    <th
      scope="col"
      aria-sort={active ? (state.dir === "asc" ? "ascending" : "descending") : "none"}
      className={`${th} ${align === "right" ? "text-right" : ""}`}
    >
      <Link
        href={href}
        title={interpolate(t.sortBy, { column: label.toLowerCase() })}
        className={`inline-flex items-center gap-1 uppercase hover:text-ink ${active ? "text-ink" : ""}`}
      >
        <SortLabel label={label} active={active} arrow={arrow} state={state} t={t} />
      </Link>
    </th>
  );
}

/** At phone width the column heads are hidden (rows become cards): the same sorts as a row of links. */
function PhoneSort({ state, t }: { state: HistoryUrlState; t: HistoryText }) {
  return (
    <nav
      aria-label={t.sortLabel}
      data-testid="phone-sort"
      className="mb-2 flex flex-wrap items-center gap-1.5 text-xs md:hidden"
    >
      <span className="mr-1 text-ink-muted">{t.sortLabel}</span>
      {(Object.keys(SORT_COLUMN) as HistorySortField[]).map((field) => {
        const { active, arrow, href } = sortTarget(field, state);
        return (
          <Link
            key={field}
            href={href}
            aria-current={active ? "true" : undefined}
            className={`inline-flex min-h-8 items-center gap-1 rounded-full border px-3 ${
              active
                ? "border-brand-700 bg-brand-50 font-semibold text-brand-800"
                : "border-surface-line bg-surface text-ink-muted"
            }`}
          >
            <SortLabel label={t.columns[SORT_COLUMN[field]]} active={active} arrow={arrow} state={state} t={t} />
          </Link>
        );
      })}
    </nav>
  );
}

export function HistoryTable({
  rows,
  units,
  state,
  locale,
  t,
  empty,
}: {
  rows: HistoryRow[];
  /** Sales-unit names by MSN. */
  units: ReadonlyMap<string, string>;
  state: HistoryUrlState;
  locale: Locale;
  t: HistoryText;
  empty?: ReactNode;
}) {
  const c = t.columns;
  // The payment page's "Back" returns to exactly this page of the history.
  const here = historyHref(state, { after: state.after, before: state.before });
  return (
    <>
      <PhoneSort state={state} t={t} />
      <div className="overflow-x-auto rounded-card border border-surface-line bg-surface shadow-card">
        <table data-testid="history-table" className="table-stack w-full text-left text-sm">
          <thead className="border-b border-surface-line bg-surface-sunken text-xs uppercase tracking-wide text-ink-muted">
            <tr>
              <th scope="col" className={th}>
                {c.orderId}
              </th>
              <th scope="col" className={th}>
                {c.salesUnit}
              </th>
              <SortHead field="status" state={state} t={t} />
              <SortHead field="amount" state={state} t={t} align="right" />
              <SortHead field="captured" state={state} t={t} align="right" />
              <SortHead field="refunded" state={state} t={t} align="right" />
              <SortHead field="date" state={state} t={t} />
              <th scope="col" className={th}>
                {c.text}
              </th>
              <th scope="col" className={th}>
                {c.bin}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-surface-line">
            {rows.map((r) => (
              <tr key={r.id} className="hover:bg-surface-sunken/60">
                <td className={`${td} whitespace-nowrap`}>
                  <Link
                    href={paymentHref(r.msn, r.orderId, here)}
                    className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {r.orderId}
                  </Link>
                </td>
                <td className={`${td} whitespace-nowrap`} data-msn={r.msn} data-label={c.salesUnit}>
                  <span className="block max-w-40 truncate" title={units.get(r.msn)}>
                    {units.get(r.msn) ?? r.msn}
                  </span>
                  <span className="font-mono text-xs text-ink-muted">{r.msn}</span>
                </td>
                <td className={td} data-label={c.status}>
                  <StatusBadge status={r.status} t={t.statuses} />
                </td>
                <td className={`${money} font-medium`} data-label={c.amount}>
                  {formatOre(r.amount)}
                </td>
                <td className={`${money} ${r.capturedAmount === 0 ? "text-ink-faint" : ""}`} data-label={c.captured}>
                  {formatOre(r.capturedAmount)}
                </td>
                <td className={`${money} ${r.refundedAmount === 0 ? "text-ink-faint" : ""}`} data-label={c.refunded}>
                  {formatOre(r.refundedAmount)}
                </td>
                <td className={`${td} whitespace-nowrap`} data-label={c.created}>
                  <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, locale)}</time>
                </td>
                <td
                  className={`${td} truncate text-ink-muted md:max-w-64`}
                  title={r.transactionText ?? undefined}
                  data-label={c.text}
                >
                  {r.transactionText ?? "—"}
                </td>
                <td className={`${td} font-mono text-xs text-ink-muted`} data-label={c.bin}>
                  {r.bankIdentificationNumber ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {empty ? <div className="px-4 py-10 text-center text-sm text-ink-muted">{empty}</div> : null}
      </div>
    </>
  );
}
