import Link from "next/link";
import { historyHref, type HistoryUrlState } from "@/lib/payments/history/url";
import type { HistoryText } from "./types";

interface Unit {
  msn: string;
  name: string;
}

/** The actor's sales units as tabs; switching keeps the filters and starts on the first page. */
export function SalesUnitSwitcher({
  units,
  current,
  state,
  t,
}: {
  units: Unit[];
  current: string;
  state: HistoryUrlState;
  t: HistoryText;
}) {
  if (units.length === 0) return null;
  return (
    <nav aria-label={t.salesUnits} className="mb-4">
      <ul data-testid="history-sales-units" className="flex flex-wrap gap-2">
        {units.map((u) => {
          const active = u.msn === current;
          return (
            <li key={u.msn}>
              <Link
                href={historyHref(u.msn, state)}
                aria-current={active ? "page" : undefined}
                className={`inline-flex items-baseline gap-2 rounded-lg border px-3 py-1.5 text-sm ${
                  active
                    ? "border-brand-500 bg-brand-50 font-medium text-brand-700"
                    : "border-surface-line bg-surface text-ink-muted hover:text-ink"
                }`}
              >
                <span>{u.name}</span>
                <span className="font-mono text-xs">{u.msn}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
