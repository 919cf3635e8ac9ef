// Newer / older links of a list read in keyset pages (lib/keyset.ts), keeping the filter's query.
import { Link } from "@/components/ui/link";

export const pageLinkClass =
  "rounded-lg border border-surface-line bg-surface px-3 py-1.5 text-sm font-medium hover:bg-surface-sunken";

export function KeysetPager({
  path,
  query,
  newer,
  older,
  onLaterPage,
  t,
}: {
  path: string;
  /** The filter's query string with the extra parameters (before / after). */
  query: (extra?: Record<string, string>) => string;
  newer: string | null;
  older: string | null;
  /** Whether this is not the first page (then "newest" leads back to it). */
  onLaterPage: boolean;
  t: { label: string; newest: string; newer: string; older: string };
}) {
  if (!newer && !older) return null;
  return (
    <nav aria-label={t.label} className="mt-4 flex flex-wrap items-center justify-end gap-2">
      {onLaterPage ? (
        <Link href={`${path}?${query()}`} className="px-2 text-sm text-ink-muted hover:text-ink">
          {t.newest}
        </Link>
      ) : null}
      {newer ? (
        <Link rel="prev" href={`${path}?${query({ before: newer })}`} className={pageLinkClass}>
          ← {t.newer}
        </Link>
      ) : null}
      {older ? (
        <Link rel="next" href={`${path}?${query({ after: older })}`} className={pageLinkClass}>
          {t.older} →
        </Link>
      ) : null}
    </nav>
  );
}

/** The download of a list's filtered rows (a CSV route), with what it holds as the hover text. */
export function ExportLink({
  href,
  label,
  hint,
  testId,
}: {
  href: string;
  label: string;
  hint: string;
  testId: string;
}) {
  return (
    <a href={href} title={hint} data-testid={testId} className={pageLinkClass}>
      {label}
    </a>
  );
}
