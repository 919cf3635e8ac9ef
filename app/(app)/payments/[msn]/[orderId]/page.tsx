import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { MoneyPanel } from "@/components/money/money-panel";
import { AmountsCard } from "@/components/payments/amounts-card";
import { ApiCalls } from "@/components/payments/api-calls";
import { ChargedTwice } from "@/components/payments/charged-twice";
import { DeadlinesCard } from "@/components/payments/deadlines-card";
import { RefreshButton } from "@/components/payments/refresh-button";
import { StatusBadge } from "@/components/payments/status-badge";
import { Timeline } from "@/components/payments/timeline";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime, formatOre } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { loadPaymentPage } from "@/lib/payments/detail/load";
import { backPath, paymentHref } from "@/lib/ids";
import { FailureCard } from "@/components/payments/failure-card";
import { Badge } from "@/components/ui/badge";

export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ msn: string; orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [actor, { t, locale }, { msn, orderId }, query] = await Promise.all([
    requireActor(),
    getI18n(),
    params,
    searchParams,
  ]);
  await requirePermission(actor, "payments:read", "/payments/[msn]/[orderId]");
  // Outside the scope, malformed and not existing all look the same: 404.
  const data = await loadPaymentPage(actor, msn, decodeURIComponent(orderId), { act: query.act });
  if (!data) notFound();
  const { payment: p, apiCalls, deadlines, explanation, timeline, money, failure, sameOrderId } = data;
  const x = t.payment;
  // "Back" goes where the person came from (a filtered history, a search, the queue), else to search.
  const from = backPath(query.from);
  const backTo = from ? new URL(from, "http://x").pathname : null;
  const section = (["history", "finance", "approvals"] as const).find((s) => backTo?.startsWith(`/${s}`));
  const backLabel = backTo === null || backTo === "/" ? x.back : section ? x.backTo[section] : x.backTo.previous;
  const here = paymentHref(p.msn, p.orderId);
  return (
    <div className="flex flex-col gap-5">
      <Link
        href={from ?? `/?q=${encodeURIComponent(p.orderId)}`}
        data-testid="back"
        className="self-start text-sm text-brand-700 hover:underline"
      >
        ← {backLabel}
      </Link>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {interpolate(x.title, { orderId: "" })}
            <span className="font-mono">{p.orderId}</span>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
            <StatusBadge status={p.status} t={x.status} />
            <span>
              {x.salesUnit}: {p.salesUnit.name} <span className="font-mono">{p.msn}</span>
            </span>
            <span>· {formatOre(p.amount)}</span>
            <span data-testid="last-synced">
              ·{" "}
              {p.lastSyncedAt
                ? interpolate(x.sync.lastSynced, { time: formatDateTime(p.lastSyncedAt, locale) })
                : x.sync.never}
            </span>
          </p>
        </div>
        <RefreshButton msn={p.msn} orderId={p.orderId} t={x.refresh} />
      </header>
      {sameOrderId.length > 0 ? (
        <p
          role="note"
          data-testid="same-order-id"
          className="rounded-card border border-warn-fg/30 bg-warn-bg px-4 py-3 text-sm text-warn-fg"
        >
          {interpolate(sameOrderId.length === 1 ? x.sameOrderId.one : x.sameOrderId.many, {
            orderId: p.orderId,
            count: sameOrderId.length,
          })}{" "}
          {sameOrderId.map((o, i) => (
            <span key={o.msn}>
              {i > 0 ? ", " : null}
              <Link href={paymentHref(o.msn, o.orderId, here)} className="font-medium underline">
                {o.salesUnit.name} ({o.msn})
              </Link>{" "}
              <Badge tone="neutral">{x.status[o.status]}</Badge> {formatOre(o.amount)}
            </span>
          ))}
        </p>
      ) : null}
      {failure ? <FailureCard failure={failure} t={t} locale={locale} canOpenLog={can(actor, "apilog:read")} /> : null}
      <div className="grid gap-5 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <AmountsCard p={p} t={t} />
        </div>
        <DeadlinesCard d={deadlines} t={t} locale={locale} />
      </div>
      {money ? (
        <MoneyPanel
          panel={money.panel}
          t={t.money}
          stepUpT={t.twoFactor.stepUp}
          locale={locale}
          guaranteeDays={money.guaranteeDaysLeft}
          openAtStart={money.openAtStart}
          meId={actor.id}
        />
      ) : null}
      <ChargedTwice
        explanation={explanation}
        t={t}
        locale={locale}
        canMoveMoney={money !== null}
        msn={p.msn}
        orderId={p.orderId}
      />
      <div className="grid gap-5 xl:grid-cols-2">
        <Timeline items={timeline} t={t} locale={locale} />
        <ApiCalls calls={apiCalls} t={t} locale={locale} />
      </div>
    </div>
  );
}
