import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { MatchCount } from "@/lib/payments/history/totals";
import { historyHref, type HistoryUrlState } from "@/lib/payments/history/url";
import { formatCount } from "./format-count";
import type { HistoryText } from "./types";

const base = "rounded-lg border px-3 py-1.5 text-sm font-medium";

function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: ReactNode }) {
  if (!href) {
    return (
      <span aria-disabled="true" className={`${base} border-surface-line text-ink-muted`}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} rel={rel} className={`${base} border-surface-line bg-surface text-ink hover:bg-surface-sunken`}>
      {children}
    </Link>
  );
}

/** "51–100 of 2 215": where this page sits in the filtered set. */
export function pageRangeText(start: number, shown: number, total: MatchCount, locale: Locale, t: HistoryText) {
  const n = (v: number) => formatCount(v, locale);
  return interpolate(total.more ? t.pagination.rangeMore : t.pagination.range, {
    first: n(start + 1),
    last: n(start + shown),
    total: n(total.n),
  });
}

/** Keyset pages: links carry the signed cursor of the first or last row shown. */
export function Pagination({
  state,
  previous,
  next,
  rangeText,
  t,
}: {
  state: HistoryUrlState;
  previous: string | null;
  next: string | null;
  rangeText: string | null;
  t: HistoryText;
}) {
  if (!previous && !next && !rangeText) return null;
  const onLaterPage = Boolean(state.after || state.before);
  return (
    <nav aria-label={t.pagination.label} className="mt-4 flex flex-wrap items-center justify-end gap-2">
      {rangeText ? <span className="mr-auto text-sm tabular-nums text-ink-muted">{rangeText}</span> : null}
      {onLaterPage && previous ? (
        <Link href={historyHref(state)} className="px-2 text-sm text-ink-muted hover:text-ink">
          {t.pagination.first}
        </Link>
      ) : null}
      {previous || next ? (
        <>
          <PageLink href={previous ? historyHref(state, { before: previous }) : null} rel="prev">
            ← {t.pagination.previous}
          </PageLink>
          <PageLink href={next ? historyHref(state, { after: next }) : null} rel="next">
            {t.pagination.next} →
          </PageLink>
        </>
      ) : null}
    </nav>
  );
}
