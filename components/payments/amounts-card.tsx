import { Card } from "@/components/ui/card";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { formatOre } from "@/lib/format";
import type { DerivedPayment } from "@/lib/payments/sync/derive";

type Amounts = Pick<
  DerivedPayment,
  "amount" | "reservedAmount" | "capturedAmount" | "refundedAmount" | "remainingToCapture" | "remainingToRefund"
>;

export function AmountsCard({ p, t }: { p: Amounts; t: Dictionary }) {
  const a = t.payment.amounts;
  const rows: [string, number, string][] = [
    [a.amount, p.amount, "amount"],
    [a.reserved, p.reservedAmount, "reserved"],
    [a.captured, p.capturedAmount, "captured"],
    [a.refunded, p.refundedAmount, "refunded"],
    [a.remainingToCapture, p.remainingToCapture, "remaining-to-capture"],
    [a.remainingToRefund, p.remainingToRefund, "remaining-to-refund"],
  ];
  return (
    <Card title={a.title} testId="amounts">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
        {rows.map(([label, value, id]) => (
          <div key={id}>
            <dt className="text-xs text-ink-muted">{label}</dt>
            <dd data-testid={`amount-${id}`} className="text-lg font-semibold tabular-nums">
              {formatOre(value)}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
