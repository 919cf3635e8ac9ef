"use client";
// The spike banner on screen: refreshed every 30 seconds (detection runs every minute), announced
// politely to screen readers when it changes. Each spike links to the dashboard filtered to it.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { readOpenSpikesAction } from "@/lib/actions/spikes/read-open-spikes";
import { formatDateTime, formatPercent } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { SpikeAlertView } from "@/lib/spikes/alerts";

const REFRESH_MS = 30_000;

export function SpikeBannerLive({
  initial,
  t,
  locale,
}: {
  initial: SpikeAlertView[];
  t: Dictionary["spikes"];
  locale: Locale;
}) {
  const { data } = useQuery({
    queryKey: ["open-spikes"],
    queryFn: async () => (await readOpenSpikesAction({}))?.data ?? initial,
    initialData: initial,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const open = data ?? initial;
  const history = (
    <Link href="/errors/alerts" className="font-medium underline underline-offset-2" data-testid="spike-history-link">
      {t.banner.history}
    </Link>
  );
  return (
    <section role="status" aria-live="polite" data-testid="spike-banner" className="mb-4">
      {open.length === 0 ? (
        <p className="text-sm text-ink-muted">
          {t.banner.none} {history}
        </p>
      ) : (
        <div className="rounded-card border border-bad-fg/30 bg-bad-bg px-4 py-3 text-sm text-bad-fg">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">{t.banner.title}</h2>
            {history}
          </div>
          <ul className="mt-2 space-y-1">
            {open.map((s) => {
              const unit = s.msn ? (s.unitName ? `${s.unitName} (${s.msn})` : s.msn) : t.alerts.noUnit;
              const href = `/errors?${new URLSearchParams({
                range: "1h",
                env: s.environment,
                ...(s.msn ? { msn: s.msn } : {}),
                op: s.operation,
              })}`;
              return (
                <li key={s.id} data-testid="spike-banner-item" className="flex flex-wrap items-baseline gap-x-2">
                  <span>
                    {interpolate(t.banner.item, {
                      operation: s.operation,
                      unit,
                      rate: formatPercent(s.lastRate, locale),
                      baseline: formatPercent(s.baselineRate, locale),
                      time: formatDateTime(s.openedAt, locale),
                    })}
                  </span>
                  <Link href={href} className="underline underline-offset-2">
                    {t.banner.show}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
