import type { Metadata } from "next";
import { RangeFields } from "@/components/api-log/range-fields";
import { ErrorDashboard } from "@/components/errors/error-dashboard";
import { SpikeBanner } from "@/components/errors/spike-banner";
import { PageHeader } from "@/components/ui/page-header";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { EnvironmentField, OperationField, SalesUnitField } from "@/components/ui/select-field";
import { loadDashboard } from "@/lib/api-errors/dashboard";
import { parseDashboardParams } from "@/lib/api-errors/params";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getI18n } from "@/lib/i18n/server";
import { osloLocalInput } from "@/lib/payments/history/dates";
import { listSalesUnits } from "@/lib/sales-units/queries";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.errors.title };
}

export default async function ErrorsPage({ searchParams }: Props) {
  const [raw, actor, { t, locale }] = await Promise.all([searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "apilog:read", "/errors");
  const filter = parseDashboardParams(raw);
  const [units, dashboard] = await Promise.all([listSalesUnits(actor), loadDashboard(await db(), actor, filter)]);
  const e = t.errors;
  // The same filter words as the request log: one period and scope vocabulary for both pages.
  const f = t.apiLog.filters;
  const params = {
    range: filter.range,
    ...(filter.range === "custom" && filter.from && filter.to
      ? { from: filter.from.toISOString(), to: filter.to.toISOString() }
      : {}),
    ...(filter.environment ? { env: filter.environment } : {}),
    ...(filter.msn ? { msn: filter.msn } : {}),
    ...(filter.operation ? { op: filter.operation } : {}),
  };
  const operations = [...new Set([...dashboard.operationNames, ...(filter.operation ? [filter.operation] : [])])];
  return (
    <>
      <PageHeader title={e.title} description={e.description} />
      {filter.rangeError ? (
        <p role="alert" className="mb-3 rounded-lg border border-warn-fg/30 bg-warn-bg px-4 py-2 text-sm text-warn-fg">
          {t.apiLog.rangeErrors[filter.rangeError]}
        </p>
      ) : null}
      <SpikeBanner actor={actor} t={t.spikes} locale={locale} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" data-testid="error-filters">
        <RangeFields
          range={filter.range}
          from={filter.from ? osloLocalInput(filter.from) : ""}
          to={filter.to ? osloLocalInput(filter.to) : ""}
          t={f}
        />
        <EnvironmentField
          label={f.environment}
          all={f.allEnvironments}
          value={filter.environment}
          names={f.environments}
        />
        <SalesUnitField label={f.salesUnit} all={f.allUnits} value={filter.msn} units={units} />
        <OperationField label={f.operation} all={f.allOperations} value={filter.operation} operations={operations} />
        <FilterButtons apply={f.apply} />
      </form>
      <ErrorDashboard
        key={JSON.stringify(params)}
        initial={dashboard}
        params={params}
        t={e}
        remedies={t.remedies}
        locale={locale}
      />
    </>
  );
}
