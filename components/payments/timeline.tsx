// The payment's history, newest first: Vipps' log merged with our own money operations (who
// pressed what, the reason and note, and the state of anything Vipps has not logged).
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { TimelineItem, Who } from "@/lib/payments/detail/timeline";

function WhoLine({ who, t }: { who: Who; t: Dictionary }) {
  const parts = [
    who.by ? interpolate(t.payment.timeline.by, { name: who.by }) : null,
    who.reason ? t.money.dialog.reasons[who.reason] : null,
    who.note,
  ].filter(Boolean);
  return parts.length ? <p className="mt-0.5 text-xs text-ink">{parts.join(" · ")}</p> : null;
}

export function Timeline({ items, t, locale }: { items: TimelineItem[]; t: Dictionary; locale: Locale }) {
  const x = t.payment.timeline;
  return (
    <Card title={x.title} testId="timeline">
      {items.length === 0 ? <p className="text-sm text-ink-muted">{x.empty}</p> : null}
      <ol className="relative space-y-4 border-l border-surface-line pl-5">
        {items.map((e) => {
          if (e.source === "ours") {
            const refused = e.errorCode?.startsWith("refused:") ?? false;
            const state = refused ? x.ours.refused : interpolate(x.ours[e.state], { code: e.errorCode ?? "" });
            const tone = e.state === "succeeded" ? "ok" : e.state === "failed" ? "bad" : "warn";
            return (
              <li key={e.key} data-testid="timeline-entry" data-source="ours" className="relative">
                <span
                  aria-hidden
                  className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ${tone === "bad" ? "bg-bad-fg" : "bg-warn-fg"}`}
                />
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-medium">{t.money.kinds[e.kind]}</span>
                  {e.amount !== null ? <span className="tabular-nums">{formatOre(e.amount)}</span> : null}
                  <Badge tone={tone}>{state}</Badge>
                  <span className="text-xs text-ink-muted">{formatDateTime(e.at, locale)}</span>
                </div>
                <WhoLine who={e.ours} t={t} />
              </li>
            );
          }
          return (
            <li key={e.key} data-testid="timeline-entry" data-source="vipps" className="relative">
              <span
                aria-hidden
                className={`absolute -left-[1.6rem] top-1.5 h-2.5 w-2.5 rounded-full ${e.operationSuccess ? "bg-brand-500" : "bg-bad-fg"}`}
              />
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-medium">{x.ops[e.operation as keyof typeof x.ops] ?? e.operation}</span>
                <span className="tabular-nums">{formatOre(e.amount)}</span>
                {e.operationSuccess ? null : <Badge tone="bad">{x.failed}</Badge>}
                <span className="text-xs text-ink-muted">{formatDateTime(e.at, locale)}</span>
              </div>
              {e.ours ? <WhoLine who={e.ours} t={t} /> : null}
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
          );
        })}
      </ol>
    </Card>
  );
}
