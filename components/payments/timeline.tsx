import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";

interface Event {
  id: bigint;
  operation: string;
  amount: number;
  operationSuccess: boolean;
  transactionId: string | null;
  requestId: string | null;
  transactionText: string | null;
  timeStamp: Date;
}

export function Timeline({ events, t, locale }: { events: Event[]; t: Dictionary; locale: Locale }) {
  const x = t.payment.timeline;
  return (
    <Card title={x.title} testId="timeline">
      {events.length === 0 ? <p className="text-sm text-ink-muted">{x.empty}</p> : null}
      <ol className="relative space-y-4 border-l border-surface-line pl-5">
        {events.map((e) => (
          <li key={e.id.toString()} data-testid="timeline-entry" className="relative">
            <span
              aria-hidden
              className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ${e.operationSuccess ? "bg-brand-500" : "bg-bad-fg"}`}
            />
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="font-medium">{x.ops[e.operation as keyof typeof x.ops] ?? e.operation}</span>
              <span className="tabular-nums">{formatOre(e.amount)}</span>
              {e.operationSuccess ? null : <Badge tone="bad">{x.failed}</Badge>}
              <span className="text-xs text-ink-muted">{formatDateTime(e.timeStamp, locale)}</span>
            </div>
            <p className="mt-0.5 text-xs text-ink-muted">
              {e.transactionText ? <span>{e.transactionText} · </span> : null}
              {e.transactionId ? (
                <span>
                  {x.transactionId} <span className="font-mono">{e.transactionId}</span>
                </span>
              ) : null}
              {e.requestId ? (
                <span>
                  {" "}
                  · {x.requestId} <span className="font-mono">{e.requestId}</span>
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
