"use client";
// A batch as it runs: progress, each payment's state with the reason when it failed, and the report
// once every payment has its outcome. Polled every second while it runs (TanStack Query); the work
// itself happens on the server, so closing the page stops nothing.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { readBatchAction } from "@/lib/actions/money/read-batch";
import { formatDateTime, formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import { paymentHref } from "@/lib/ids";
import type { BatchItemView, BatchView } from "@/lib/money/batch";

type T = Dictionary["finance"]["batch"];

const TONE = {
  queued: "neutral",
  running: "info",
  pending: "warn",
  succeeded: "ok",
  failed: "bad",
  awaiting_approval: "info",
} as const;

function detail(i: BatchItemView, t: T, money: Dictionary["money"]): string {
  if (i.state === "succeeded")
    return i.transactionId ? interpolate(money.result.transaction, { id: i.transactionId }) : "";
  if (i.state === "queued" && i.tries > 0) return interpolate(t.retrying, { tries: i.tries + 1 });
  if (!i.code) return "";
  const codes = t.codes as Record<string, string>;
  if (codes[i.code]) return codes[i.code]!;
  const notAllowed = money.notAllowed as Record<string, string>;
  if (notAllowed[i.code]) return notAllowed[i.code]!;
  const reasons = money.vippsReasons as Record<string, string>;
  return reasons[i.code] ?? interpolate(money.vippsReasons.other, { code: i.code });
}

export function BatchProgress({
  initial,
  t,
  money,
  locale,
}: {
  initial: BatchView;
  t: T;
  money: Dictionary["money"];
  locale: Locale;
}) {
  const { data } = useQuery({
    queryKey: ["money-batch", initial.id],
    queryFn: async () => (await readBatchAction({ batchId: initial.id }))?.data ?? initial,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.finishedAt ? false : 1000),
  });
  const b = data ?? initial;
  const count = b.items.length;
  const done = count - b.counts.queued - b.counts.running - b.counts.pending;
  const pct = count === 0 ? 100 : Math.round((done / count) * 100);
  return (
    <div className="flex flex-col gap-4">
      <section
        data-testid="batch-status"
        data-finished={b.finishedAt ? "true" : "false"}
        className="rounded-card border border-surface-line bg-surface p-5 shadow-card"
      >
        <p className="text-sm text-ink-muted">
          {interpolate(t.startedBy, { by: b.createdByName, when: formatDateTime(b.createdAt, locale) })}
        </p>
        <div className="mt-3 flex items-center gap-3">
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={count}
            aria-valuenow={done}
            aria-label={interpolate(t.progress, { done, count })}
            className="h-2 flex-1 overflow-hidden rounded-full bg-surface-sunken"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
          </div>
          <span className="text-sm font-medium tabular-nums">{interpolate(t.progress, { done, count })}</span>
        </div>
        <p role="status" className="mt-2 text-sm">
          {b.finishedAt ? interpolate(t.finished, { when: formatDateTime(b.finishedAt, locale) }) : t.running}
        </p>
        {b.finishedAt ? (
          <div data-testid="batch-report" className="mt-4 border-t border-surface-line pt-4">
            <h2 className="mb-2 text-sm font-semibold text-ink-muted">{t.report.title}</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm tabular-nums">
              <dt className="text-ink-muted">{t.report.moved[b.kind]}</dt>
              <dd className="font-semibold">
                {interpolate(t.report.of, { amount: formatOre(b.moved), total: formatOre(b.total) })}
              </dd>
              <dt className="text-ink-muted">{t.report.succeeded}</dt>
              <dd>{b.counts.succeeded}</dd>
              <dt className="text-ink-muted">{t.report.failed}</dt>
              <dd className={b.counts.failed > 0 ? "font-semibold text-bad-fg" : ""}>{b.counts.failed}</dd>
              {b.counts.awaiting_approval > 0 ? (
                <>
                  <dt className="text-ink-muted">{t.report.awaiting}</dt>
                  <dd>{b.counts.awaiting_approval}</dd>
                </>
              ) : null}
            </dl>
          </div>
        ) : null}
      </section>
      <Table
        testId="batch-items"
        head={[
          t.columns.orderId,
          t.columns.salesUnit,
          t.columns.what,
          t.columns.amount,
          t.columns.state,
          t.columns.detail,
        ]}
      >
        {b.items.map((i) => (
          <tr key={i.id} data-testid="batch-item" data-state={i.state}>
            <Td className="font-mono">
              <Link href={paymentHref(i.msn, i.orderId)} className="font-medium text-brand-700 hover:underline">
                {i.orderId}
              </Link>
            </Td>
            <Td className="font-mono text-ink-muted">{i.msn}</Td>
            <Td>{money.kinds[i.kind]}</Td>
            <Td className="whitespace-nowrap tabular-nums">{formatOre(i.amount)}</Td>
            <Td>
              <Badge tone={TONE[i.state]}>{t.states[i.state]}</Badge>
            </Td>
            <Td className="text-xs text-ink-muted">{detail(i, t, money)}</Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
