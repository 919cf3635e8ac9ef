// Home: the lookup for everyone who may read payments (customer service first), the overview for
// the rest.
import { Link } from "@/components/ui/link";
import { paymentHref } from "@/lib/ids";
import { AskVipps } from "@/components/lookup/ask-vipps";
import { SearchBox } from "@/components/lookup/search-box";
import { StatusBadge } from "@/components/payments/status-badge";
import { Overview } from "@/components/shell/overview";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { formatCount } from "@/components/history/format-count";
import { formatDateTime, formatOre } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { checkQuery, lookupPayments } from "@/lib/payments/lookup/search";

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [actor, { t, locale }, params] = await Promise.all([requireActor(), getI18n(), searchParams]);
  if (!can(actor, "payments:read")) return <Overview />;
  const l = t.lookup;
  const raw = typeof params.q === "string" ? params.q : "";
  const checked = raw ? checkQuery(raw) : null;
  const found = checked?.ok ? await lookupPayments(actor, checked.q) : null;
  const q = checked?.ok ? checked.q : raw;
  return (
    <>
      <PageHeader title={l.title} description={l.description} />
      <div className="max-w-2xl">
        <SearchBox q={q} t={l} error={checked && !checked.ok ? l.errors[checked.problem] : undefined} />
      </div>
      {found ? (
        <section className="mt-8 flex flex-col gap-4" aria-live="polite">
          {found.sharedOrderIds.map((orderId) => (
            <p
              key={orderId}
              role="note"
              data-testid="shared-warning"
              className="rounded-card border border-warn-fg/30 bg-warn-bg px-4 py-3 text-sm text-warn-fg"
            >
              {interpolate(l.shared, {
                orderId,
                units: [
                  ...new Set(
                    found.rows.filter((r) => r.orderId === orderId).map((r) => `${r.salesUnitName} (${r.msn})`),
                  ),
                ].join(", "),
              })}
            </p>
          ))}
          {found.rows.length === 0 ? (
            <div className="flex flex-col gap-4 rounded-card border border-surface-line bg-surface p-5">
              <p data-testid="not-found">{interpolate(l.notFound, { q })}</p>
              <AskVipps orderId={q} t={l} />
            </div>
          ) : (
            <>
              <h2 className="text-sm font-semibold text-ink-muted">
                {interpolate(l.results, { count: found.more?.total ?? found.rows.length, q })}
              </h2>
              {found.more ? (
                <p data-testid="results-cut" role="status" className="text-sm text-ink-muted">
                  {interpolate(found.more.atLeast ? l.moreAtLeast : l.more, {
                    shown: found.rows.length,
                    total: formatCount(found.more.total, locale),
                  })}{" "}
                  <Link
                    href={
                      found.amount !== null
                        ? `/history?min=${encodeURIComponent(q)}&max=${encodeURIComponent(q)}`
                        : `/history?q=${encodeURIComponent(q)}`
                    }
                    className="font-medium text-brand-700 underline"
                  >
                    {l.fullList}
                  </Link>
                </p>
              ) : null}
              <Table
                testId="lookup-results"
                head={[
                  l.columns.orderId,
                  l.columns.salesUnit,
                  l.columns.amount,
                  l.columns.status,
                  l.columns.created,
                  l.columns.match,
                ]}
              >
                {found.rows.map((r) => (
                  <tr key={r.id} className="hover:bg-surface-sunken">
                    <Td className="font-mono">
                      <Link
                        href={paymentHref(r.msn, r.orderId, `/?q=${encodeURIComponent(q)}`)}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {r.orderId}
                      </Link>
                    </Td>
                    <Td>
                      {r.salesUnitName} <span className="font-mono text-xs text-ink-faint">{r.msn}</span>
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">{formatOre(r.amount)}</Td>
                    <Td>
                      <StatusBadge status={r.status} t={t.payment.status} />
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</Td>
                    <Td className="text-ink-muted">{l.match[r.match]}</Td>
                  </tr>
                ))}
              </Table>
            </>
          )}
        </section>
      ) : (
        <div className="mt-10">
          <Overview header={false} />
        </div>
      )}
    </>
  );
}
