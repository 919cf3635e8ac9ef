import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { Deadlines } from "@/lib/payments/detail/deadlines";

export function DeadlinesCard({ d, t, locale }: { d: Deadlines; t: Dictionary; locale: Locale }) {
  const x = t.payment.deadlines;
  return (
    <Card title={x.title} testId="deadlines">
      {!d.captureUntil || !d.refundUntil ? (
        <p className="text-sm text-ink-muted">{x.notReserved}</p>
      ) : (
        <dl className="space-y-2 text-sm">
          <div className="flex justify-between gap-4">
            <dt className="text-ink-muted">{x.captureUntil}</dt>
            <dd className="font-medium">{formatDateTime(d.captureUntil, locale)}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-ink-muted">{x.refundUntil}</dt>
            <dd className="font-medium">{formatDateTime(d.refundUntil, locale)}</dd>
          </div>
          <div className="flex justify-between gap-4">
            <dt className="text-ink-muted">{interpolate(x.guarantee, { scheme: t.payment.schemes[d.scheme] })}</dt>
            <dd className="font-medium">
              {d.guaranteeEnds ? formatDateTime(d.guaranteeEnds, locale) : x.unknownScheme}
            </dd>
          </div>
          {d.guaranteeEndingSoon ? <Badge tone="warn">{x.endingSoon}</Badge> : null}
          {d.guaranteeEnded ? <Badge tone="bad">{x.ended}</Badge> : null}
        </dl>
      )}
    </Card>
  );
}
