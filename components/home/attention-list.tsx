// "Needs attention": each item a sentence with its count and money, a hint on what to do, a link to
// where it is done, and up to three of the payments concerned.
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { formatOre } from "@/lib/format";
import type { AttentionItem } from "@/lib/home/attention";
import { paymentHref } from "@/lib/ids";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

export function AttentionList({ items, t }: { items: AttentionItem[]; t: Dictionary["home"]["attention"] }) {
  return (
    <Card title={t.title} testId="attention">
      {items.length === 0 ? (
        <p className="text-sm text-ink-muted">{t.empty}</p>
      ) : (
        <ul className="divide-y divide-surface-line">
          {items.map((i) => (
            <li
              key={i.kind}
              data-testid={`attention-${i.kind}`}
              className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <Link href={i.href} className="font-medium text-brand-700 hover:underline">
                  {interpolate(i.count === 1 ? t.items[i.kind].one : t.items[i.kind].many, { count: i.count })}
                </Link>
                {i.amount ? <span className="text-sm tabular-nums text-ink">{formatOre(i.amount)}</span> : null}
              </div>
              <p className="text-xs text-ink-muted">{t.hints[i.kind]}</p>
              {i.examples.length ? (
                <p className="flex flex-wrap gap-x-3 text-xs">
                  {i.examples.map((e) => (
                    <Link
                      key={`${e.msn}/${e.orderId}`}
                      href={paymentHref(e.msn, e.orderId, "/")}
                      className="font-mono text-brand-700 underline"
                    >
                      {e.orderId}
                    </Link>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
