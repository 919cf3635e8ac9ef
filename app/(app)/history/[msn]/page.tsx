import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FilterForm } from "@/components/history/filter-form";
import { ResultsSkeleton } from "@/components/history/history-skeleton";
import { HistoryResults } from "@/components/history/history-results";
import { SalesUnitSwitcher } from "@/components/history/sales-unit-switcher";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { mayOpenMsn, requirePermission } from "@/lib/auth/guard";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { loadHistoryView } from "@/lib/payments/history/query";
import { historyCursorKey } from "@/lib/payments/history/cursor";
import { hasFilters, parseHistoryParams } from "@/lib/payments/history/params";
import { historySearchParams } from "@/lib/payments/history/url";
import { listSalesUnits } from "@/lib/sales-units/queries";

interface Props {
  params: Promise<{ msn: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.history.title };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const [{ msn }, raw, actor, { t, locale }] = await Promise.all([params, searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "payments:read", "/history/[msn]");
  // Outside the scope and not existing look the same: the user learns nothing about other MSNs.
  if (!(await mayOpenMsn(actor, msn, "/history/[msn]"))) notFound();
  const units = await listSalesUnits(actor);
  const unit = units.find((u) => u.msn === msn);
  if (!unit) notFound();

  const parsed = parseHistoryParams(msn, raw, historyCursorKey());
  const view = loadHistoryView(actor, msn, parsed.query, historyCursorKey());
  // Started here, awaited inside the Suspense boundary; mark it handled so a failure reaches the
  // error boundary there instead of also being reported as an unhandled rejection.
  view.catch(() => {});
  const h = t.history;
  return (
    <>
      <PageHeader title={h.title} description={interpolate(h.description, { name: unit.name, msn })} />
      <SalesUnitSwitcher units={units} current={msn} state={parsed.state} t={h} />
      <FilterForm msn={msn} parsed={parsed} t={h} />
      {/* Keyed by the URL state so each new filter or page shows the skeleton, not stale rows. */}
      <Suspense key={`${msn}?${historySearchParams(parsed.state).toString()}`} fallback={<ResultsSkeleton t={h} />}>
        <HistoryResults
          view={view}
          msn={msn}
          state={parsed.state}
          filtered={hasFilters(parsed.query.filters)}
          locale={locale}
          t={h}
        />
      </Suspense>
    </>
  );
}
