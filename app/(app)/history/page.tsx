import type { Metadata } from "next";
import { Suspense } from "react";
import { FilterForm } from "@/components/history/filter-form";
import { ResultsSkeleton } from "@/components/history/history-skeleton";
import { HistoryResults } from "@/components/history/history-results";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { mayOpenMsn, requirePermission } from "@/lib/auth/guard";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { historyCursorKey } from "@/lib/payments/history/cursor";
import { hasFilters, parseHistoryParams } from "@/lib/payments/history/params";
import { loadHistoryView } from "@/lib/payments/history/query";
import { historySearchParams } from "@/lib/payments/history/url";
import { listSalesUnits } from "@/lib/sales-units/queries";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.history.title };
}

/** /history: every payment in the reader's sales units, with the sales unit as a filter and a column. */
export default async function HistoryPage({ searchParams }: Props) {
  const [raw, actor, { t, locale }] = await Promise.all([searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "payments:read", "/history");
  const h = t.history;
  const units = await listSalesUnits(actor);
  if (units.length === 0) {
    return (
      <>
        <PageHeader title={h.title} />
        <p className="text-sm text-ink-muted">{h.pickBody}</p>
      </>
    );
  }
  const parsed = parseHistoryParams(raw, historyCursorKey(), { msns: units.map((u) => u.msn), now: new Date() });
  // An MSN outside the scope is refused with the same words as one that does not exist; audited.
  const asked = typeof raw.msn === "string" ? raw.msn : undefined;
  if (asked && parsed.problems.some((p) => p.param === "msn")) await mayOpenMsn(actor, asked, "/history");
  const view = loadHistoryView(actor, parsed.query, historyCursorKey());
  // Started here, awaited inside the Suspense boundary; mark it handled so a failure reaches the
  // error boundary there instead of also being reported as an unhandled rejection.
  view.catch(() => {});
  const unit = units.find((u) => u.msn === parsed.state.msn);
  return (
    <>
      <PageHeader
        title={h.title}
        description={
          unit
            ? interpolate(h.descriptionUnit, { name: unit.name, msn: unit.msn })
            : interpolate(h.descriptionAll, { count: String(units.length) })
        }
      />
      <FilterForm parsed={parsed} units={units} t={h} />
      {/* Keyed by the URL state so each new filter or page shows the skeleton, not stale rows. */}
      <Suspense key={historySearchParams(parsed.state).toString()} fallback={<ResultsSkeleton t={h} />}>
        <HistoryResults
          view={view}
          units={new Map(units.map((u) => [u.msn, u.name]))}
          state={parsed.state}
          filtered={hasFilters(parsed.query.filters)}
          locale={locale}
          t={h}
        />
      </Suspense>
    </>
  );
}
