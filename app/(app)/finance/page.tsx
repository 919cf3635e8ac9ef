import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { CaptureQueue } from "@/components/money/capture-queue";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTime, formatOre, formatRelative } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { listBatches } from "@/lib/money/batch";
import { listUnsettled } from "@/lib/money/panel";
import { paymentHref } from "@/lib/ids";
import { HORIZONS, QUEUE_LIMIT, readCaptureQueue, type Horizon } from "@/lib/money/queue";
import { listSalesUnits } from "@/lib/sales-units/queries";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.finance.title };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function FinancePage({ searchParams }: Props) {
  const [raw, actor, { t, locale }] = await Promise.all([searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "payments:money", "/finance");
  const f = t.finance;
  const units = await listSalesUnits(actor);
  const msnParam = one(raw.msn);
  const msn = units.some((u) => u.msn === msnParam) ? msnParam : undefined;
  const horizonParam = one(raw.horizon);
  const horizon: Horizon = HORIZONS.includes(horizonParam as Horizon) ? (horizonParam as Horizon) : "all";
  const now = new Date();
  const prisma = await db();
  const [queue, batches, unsettled] = await Promise.all([
    readCaptureQueue(prisma, actor, { msn, horizon }, now),
    listBatches(prisma, actor),
    listUnsettled(prisma, actor),
  ]);
  const unitNames = Object.fromEntries(units.map((u) => [u.msn, u.name]));
  const rows = queue.rows.map((r) => ({
    id: r.id,
    msn: r.msn,
    orderId: r.orderId,
    capturedAmount: r.capturedAmount,
    remainingToCapture: r.remainingToCapture,
    busy: r.busy,
    deadlineText: interpolate(f.deadline[r.deadlineKind], { when: formatRelative(r.deadline, locale, now) }),
    deadlineSoon: r.deadline.getTime() - now.getTime() <= 48 * 3_600_000,
  }));
  return (
    <>
      <PageHeader title={f.title} description={f.description} />
      {unsettled.length > 0 ? (
        <Card title={f.unsettled.title} className="mb-6" id="unsettled" testId="unsettled">
          <p className="mb-3 text-sm text-ink-muted">{f.unsettled.intro}</p>
          <ul className="divide-y divide-surface-line text-sm">
            {unsettled.map((o) => (
              <li key={o.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <Link
                  href={paymentHref(o.msn, o.orderId, "/finance")}
                  className="font-mono font-medium text-brand-700 hover:underline"
                >
                  {o.orderId}
                </Link>
                <span className="text-ink-muted">{unitNames[o.msn] ?? o.msn}</span>
                <span className="tabular-nums">
                  {interpolate(f.unsettled.row, {
                    what: t.money.kinds[o.kind],
                    amount: o.amount === null ? "" : formatOre(o.amount),
                    by: o.createdByName ?? "—",
                    when: formatRelative(o.createdAt, locale, now),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" data-testid="queue-filters">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {f.filters.salesUnit}
          <select
            name="msn"
            defaultValue={msn ?? ""}
            className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal"
          >
            <option value="">{f.filters.allUnits}</option>
            {units.map((u) => (
              <option key={u.msn} value={u.msn}>
                {u.name} ({u.msn})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {f.filters.horizon}
          <select
            name="horizon"
            defaultValue={horizon}
            className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal"
          >
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {f.filters.horizons[h]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-lg border border-surface-line bg-surface px-4 py-2 text-sm font-semibold hover:bg-surface-sunken"
        >
          {f.filters.apply}
        </button>
      </form>
      <p data-testid="queue-totals" className="mb-3 text-sm font-medium tabular-nums">
        {interpolate(queue.count === 1 ? f.totalsOne : f.totals, {
          count: queue.count.toLocaleString(locale === "nb" ? "nb-NO" : "en-GB"),
          amount: formatOre(queue.total),
        })}
        {queue.count > QUEUE_LIMIT ? (
          <span className="ml-2 font-normal text-ink-muted">{interpolate(f.shownOf, { shown: QUEUE_LIMIT })}</span>
        ) : null}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-card border border-surface-line bg-surface px-4 py-8 text-center text-sm text-ink-muted">
          {f.empty}
        </p>
      ) : (
        // Keyed by the filters, so a new filter starts with nothing selected.
        <CaptureQueue
          key={`${msn ?? ""}:${horizon}`}
          rows={rows}
          unitNames={unitNames}
          t={f}
          stepUpT={t.twoFactor.stepUp}
        />
      )}
      <Card title={f.batches.title} className="mt-6" testId="recent-batches">
        {batches.length === 0 ? (
          <p className="text-sm text-ink-muted">{f.batches.empty}</p>
        ) : (
          <ul className="divide-y divide-surface-line text-sm">
            {batches.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {interpolate(f.batches.row, {
                    what: t.money.kinds[b.kind],
                    count: b.payments,
                    by: b.createdByName,
                    when: formatDateTime(b.createdAt, locale),
                  })}
                </span>
                <span className="flex items-center gap-3">
                  <span className={b.finishedAt ? "text-ok-fg" : "text-info-fg"}>
                    {b.finishedAt ? f.batches.finished : f.batches.running}
                  </span>
                  <Link href={`/finance/batches/${b.id}`} className="font-medium text-brand-700 hover:underline">
                    {f.batches.open}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
