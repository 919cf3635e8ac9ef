// The audit trail (admins): who did what, filtered (all in the URL), newest first with keyset pages;
// CSV of the filtered rows.
import type { Metadata } from "next";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditList } from "@/components/audit/audit-list";
import { formatCount } from "@/components/history/format-count";
import { ExportLink, KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { auditParams, parseAuditParams } from "@/lib/audit/filter";
import { listAudit, MAX_AUDIT_EXPORT_ROWS } from "@/lib/audit/query";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { firstParam, type RawParams } from "@/lib/filter-params";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";

interface Props {
  searchParams: Promise<RawParams>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.audit.title };
}

export default async function AuditPage({ searchParams }: Props) {
  const [raw, actor, { t, locale }] = await Promise.all([searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "users:manage", "/admin/audit");
  const now = new Date();
  const { filter, errors } = parseAuditParams(raw, now);
  const cursor = { after: firstParam(raw.after), before: firstParam(raw.before) };
  const [units, page] = await Promise.all([listSalesUnits(actor), listAudit(await db(), actor, filter, cursor, now)]);
  const a = t.audit;
  const params = auditParams(filter);
  const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...params, ...extra }).toString();

  return (
    <>
      <PageHeader
        title={a.title}
        description={a.description}
        actions={
          <ExportLink
            href={`/api/audit/export?${query()}`}
            label={a.export}
            hint={interpolate(a.exportHint, { max: formatCount(MAX_AUDIT_EXPORT_ROWS, locale) })}
            testId="audit-export"
          />
        }
      />
      <AuditFilters filter={filter} errors={errors} raw={raw} units={units} t={t} />
      <AuditList rows={page.rows} t={a} locale={locale} />
      <KeysetPager
        path="/admin/audit"
        query={query}
        newer={page.newer}
        older={page.older}
        onLaterPage={Boolean(cursor.after || cursor.before)}
        t={t.apiLog.pagination}
      />
    </>
  );
}
