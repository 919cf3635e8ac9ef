// The request log: every logged call in the user's sales units, filtered (all in the URL), newest
// first with keyset pages, each row opening the call with its masked bodies; CSV of the filtered list.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { LogFilters } from "@/components/api-log/log-filters";
import { StatusBadge } from "@/components/api-log/status-badge";
import { formatCount } from "@/components/history/format-count";
import { ExportLink, KeysetPager } from "@/components/ui/keyset-pager";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { logParams, parseLogParams } from "@/lib/api-log/log-filter";
import { listCalls, MAX_EXPORT_ROWS } from "@/lib/api-log/log-query";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.apiLog.title };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ApiLogPage({ searchParams }: Props) {
  const [raw, actor, { t, locale }] = await Promise.all([searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "apilog:read", "/api-log");
  const now = new Date();
  const { filter, errors } = parseLogParams(raw, now);
  const [units, page] = await Promise.all([
    listSalesUnits(actor),
    listCalls(await db(), actor, filter, { after: one(raw.after), before: one(raw.before) }, now),
  ]);
  const a = t.apiLog;
  const params = logParams(filter);
  const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...params, ...extra }).toString();
  const onLaterPage = Boolean(one(raw.after) || one(raw.before));

  return (
    <>
      <PageHeader
        title={a.title}
        description={a.description}
        actions={
          <ExportLink
            href={`/api/api-log/export?${query()}`}
            label={a.export}
            hint={interpolate(a.exportHint, { max: formatCount(MAX_EXPORT_ROWS, locale) })}
            testId="api-log-export"
          />
        }
      />
      <LogFilters filter={filter} errors={errors} raw={raw} units={units} t={a} />
      {/* At phone width: one card per call, the time, status and operation on top. */}
      <ul className="flex flex-col gap-2 md:hidden" data-testid="api-log-cards">
        {page.rows.map((c) => (
          <li key={c.id.toString()} className="rounded-card border border-surface-line bg-surface p-3 shadow-card">
            <Link href={`/api-log/${c.id}?${query()}`} className="flex flex-col gap-1">
              <span className="flex items-center justify-between gap-2">
                <span className="font-medium">{c.operation}</span>
                <StatusBadge status={c.httpStatus} noAnswer={a.table.network} />
              </span>
              <span className="text-xs text-ink-muted">
                {formatDateTime(c.at, locale, { seconds: true })} · {c.msn ?? "—"} · {c.durationMs} ms
              </span>
              {c.errorGroup || c.errorCode || c.errorMessage || c.networkError ? (
                <span className="text-xs">
                  <span className="font-mono font-semibold">
                    {[c.errorGroup, c.errorCode].filter(Boolean).join("/")}
                  </span>{" "}
                  {c.errorMessage ?? c.networkError}
                </span>
              ) : null}
              {c.orderId ? <span className="truncate font-mono text-xs text-ink-muted">{c.orderId}</span> : null}
            </Link>
          </li>
        ))}
        {page.rows.length === 0 ? <li className="py-6 text-center text-sm text-ink-muted">{a.empty}</li> : null}
      </ul>
      <Table
        className="hidden md:block"
        testId="api-log"
        head={[a.table.time, a.table.unit, a.table.operation, a.table.status, a.table.error, a.table.duration]}
        empty={page.rows.length === 0 ? a.empty : undefined}
      >
        {page.rows.map((c) => (
          <tr key={c.id.toString()} data-testid="api-call" className="hover:bg-surface-sunken">
            <Td className="whitespace-nowrap">
              <Link
                href={`/api-log/${c.id}?${query()}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {formatDateTime(c.at, locale, { seconds: true })}
              </Link>
            </Td>
            <Td className="font-mono text-xs">{c.msn ?? "—"}</Td>
            <Td>
              <span className="font-medium">{c.operation}</span>
              <span className="block font-mono text-xs text-ink-muted">
                {c.method} {c.path}
                {c.orderId ? ` · ${c.orderId}` : ""}
              </span>
            </Td>
            <Td>
              <StatusBadge status={c.httpStatus} noAnswer={a.table.network} />
            </Td>
            <Td className="max-w-md text-xs">
              {c.errorGroup || c.errorCode ? (
                <span className="font-mono font-semibold">
                  {[c.errorGroup, c.errorCode].filter(Boolean).join("/")}{" "}
                </span>
              ) : null}
              <span className="text-ink-muted">
                {c.errorMessage ?? c.networkError ?? (c.httpStatus && c.httpStatus < 400 ? "" : "—")}
              </span>
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{c.durationMs} ms</Td>
          </tr>
        ))}
      </Table>
      <KeysetPager
        path="/api-log"
        query={query}
        newer={page.newer}
        older={page.older}
        onLaterPage={onLaterPage}
        t={a.pagination}
      />
    </>
  );
}
