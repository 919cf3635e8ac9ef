import Link from "next/link";
import type { ReactNode } from "react";
import { historyHref, type HistoryUrlState } from "@/lib/payments/history/url";
import type { HistoryText } from "./types";

const base = "rounded-lg border px-3 py-1.5 text-sm font-medium";

function PageLink({ href, rel, children }: { href: string | null; rel: "prev" | "next"; children: ReactNode }) {
  if (!href) {
    return (
      <span aria-disabled="true" className={`${base} border-surface-line text-ink-faint`}>
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

/** Keyset pages: links carry the signed cursor of the first or last row shown. */
export function Pagination({
  msn,
  state,
  previous,
  next,
  t,
}: {
  msn: string;
  state: HistoryUrlState;
  previous: string | null;
  next: string | null;
  t: HistoryText;
}) {
  if (!previous && !next) return null;
  const onLaterPage = Boolean(state.after || state.before);
  return (
    <nav aria-label={t.pagination.label} className="mt-4 flex flex-wrap items-center justify-end gap-2">
      {onLaterPage && previous ? (
        <Link href={historyHref(msn, state)} className="px-2 text-sm text-ink-muted hover:text-ink">
          {t.pagination.first}
        </Link>
      ) : null}
      <PageLink href={previous ? historyHref(msn, state, { before: previous }) : null} rel="prev">
        ← {t.pagination.previous}
      </PageLink>
      <PageLink href={next ? historyHref(msn, state, { after: next }) : null} rel="next">
        {t.pagination.next} →
      </PageLink>
    </nav>
  );
}
