import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { Deadlines } from "@/lib/payments/detail/deadlines";

function Row({ label, value, passed, t }: { label: string; value: ReactNode; passed?: boolean; t: string }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-1">
      <dt className="text-ink-muted">{label}</dt>
      <dd className={`font-medium ${passed ? "text-ink-muted line-through" : ""}`}>
        {value}
        {passed ? (
          <span className="ml-2 inline-block">
            <Badge tone="neutral">{t}</Badge>
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/** Only the deadlines that still matter for this payment; one that matters and is past says so. */
export function DeadlinesCard({ d, t, locale }: { d: Deadlines; t: Dictionary; locale: Locale }) {
  const x = t.payment.deadlines;
  if (!d.captureUntil || !d.refundUntil)
    return (
      <Card title={x.title} testId="deadlines">
        <p className="text-sm text-ink-muted">{x.notReserved}</p>
      </Card>
    );
  const { capture, refund } = d.applies;
  return (
    <Card title={x.title} testId="deadlines">
      {!capture && !refund ? (
        <p className="text-sm text-ink-muted" data-testid="no-deadlines">
          {x.noneApply}
        </p>
      ) : (
        <dl className="space-y-2 text-sm">
          {capture ? (
            <Row
              label={x.captureUntil}
              value={formatDateTime(d.captureUntil, locale)}
              passed={d.passed.capture}
              t={x.passed}
            />
          ) : null}
          {refund ? (
            <Row
              label={x.refundUntil}
              value={formatDateTime(d.refundUntil, locale)}
              passed={d.passed.refund}
              t={x.passed}
            />
          ) : null}
          {capture ? (
            <Row
              label={interpolate(x.guarantee, { scheme: t.payment.schemes[d.scheme] })}
              value={d.guaranteeEnds ? formatDateTime(d.guaranteeEnds, locale) : x.unknownScheme}
              passed={d.guaranteeEnded}
              t={x.passed}
            />
          ) : null}
          {d.guaranteeEndingSoon ? <Badge tone="warn">{x.endingSoon}</Badge> : null}
          {d.guaranteeEnded ? <Badge tone="bad">{x.ended}</Badge> : null}
        </dl>
      )}
      {!capture && refund ? (
        <p className="mt-2 text-xs text-ink-muted" data-testid="capture-done">
          {x.nothingToCapture}
        </p>
      ) : null}
    </Card>
  );
}
