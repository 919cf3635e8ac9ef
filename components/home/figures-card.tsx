// Today and the last 7 days at a glance: payments created, money reserved and waiting for capture,
// failed payments and refunds (of the payments created in the period).
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/history/format-count";
import { formatOre } from "@/lib/format";
import type { Figures } from "@/lib/home/figures";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";

export function FiguresCard({
  today,
  week,
  t,
  locale,
}: {
  today: Figures;
  week: Figures;
  t: Dictionary["home"]["figures"];
  locale: Locale;
}) {
  const rows: { label: string; value: (f: Figures) => string; href: (range: string) => string }[] = [
    {
      label: t.volume,
      value: (f) => `${formatCount(f.count, locale)} · ${formatOre(f.amount)}`,
      href: (r) => `/history?range=${r}`,
    },
    {
      label: t.awaiting,
      value: (f) => formatOre(f.awaiting),
      href: (r) => `/history?range=${r}&status=reserved&status=partially_captured`,
    },
    { label: t.failed, value: (f) => formatCount(f.failed, locale), href: (r) => `/history?range=${r}&status=failed` },
    {
      label: t.refunded,
      value: (f) => formatOre(f.refunded),
      href: (r) => `/history?range=${r}&status=partially_refunded&status=refunded`,
    },
  ];
  return (
    <Card title={t.title} testId="figures">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-xs text-ink-muted">
            <th scope="col" className="py-1 text-left font-medium">
              <span className="sr-only">{t.title}</span>
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t.today}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t.week}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-surface-line">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="py-2 pr-3 text-left font-normal text-ink-muted">
                {r.label}
              </th>
              <td className="py-2 text-right tabular-nums">
                <Link href={r.href("today")} className="hover:underline">
                  {r.value(today)}
                </Link>
              </td>
              <td className="py-2 pl-3 text-right tabular-nums">
                <Link href={r.href("7d")} className="hover:underline">
                  {r.value(week)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
