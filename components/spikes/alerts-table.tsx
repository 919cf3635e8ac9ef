// The alert history: when, where, how far above the usual, and what became of the webhook.
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatPercent } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { SpikeAlertView } from "@/lib/spikes/alerts";

type T = Dictionary["spikes"];

function notifyText(a: SpikeAlertView, t: T): string {
  const n = t.alerts.notify;
  switch (a.notifyState) {
    case "pending":
      return n.pending;
    case "sending":
      return n.sending;
    case "sent":
      return interpolate(n.sent, { status: a.notifyStatus ?? 200 });
    case "failed": {
      const reason = (a.notifyReason ?? "network") as keyof T["reasons"];
      const text = t.reasons[reason] ?? t.reasons.network;
      return interpolate(n.failed, { reason: interpolate(text, { status: a.notifyStatus ?? "?" }) });
    }
    case "skipped":
      return n.skipped[(a.notifyReason ?? "not_configured") as keyof T["alerts"]["notify"]["skipped"]] ?? n.pending;
  }
}

const notifyTone = { pending: "neutral", sending: "neutral", sent: "ok", failed: "bad", skipped: "neutral" } as const;

export function AlertsTable({ alerts, t, locale }: { alerts: SpikeAlertView[]; t: T; locale: Locale }) {
  const a = t.alerts;
  const c = a.columns;
  return (
    <Table
      testId="spike-alerts"
      title={a.table}
      head={[c.opened, c.unit, c.operation, c.rate, c.calls, c.state, c.webhook]}
      empty={alerts.length === 0 ? a.empty : undefined}
    >
      {alerts.map((s) => (
        <tr key={s.id} data-testid="spike-alert" data-state={s.closedAt ? "closed" : "open"}>
          <Td className="whitespace-nowrap">{formatDateTime(s.openedAt, locale)}</Td>
          <Td>
            {s.msn ? (
              <>
                {s.unitName ?? ""} <span className="font-mono text-xs text-ink-muted">{s.msn}</span>
              </>
            ) : (
              a.noUnit
            )}
            <div className="text-xs text-ink-muted">{a.environments[s.environment]}</div>
          </Td>
          <Td className="font-mono text-xs">{s.operation}</Td>
          <Td className="tabular-nums">
            {interpolate(a.rateVsBaseline, {
              rate: formatPercent(s.rate, locale),
              baseline: formatPercent(s.baselineRate, locale),
            })}
            {s.peakRate > s.rate ? (
              <div className="text-xs text-ink-muted">
                {interpolate(a.peak, { peak: formatPercent(s.peakRate, locale) })}
              </div>
            ) : null}
          </Td>
          <Td className="tabular-nums">{interpolate(a.callsErrors, { errors: s.errors, calls: s.calls })}</Td>
          <Td>
            {s.closedAt ? (
              <>
                <Badge>{a.closed}</Badge>
                <div className="text-xs text-ink-muted">
                  {interpolate(a.closedAt, { time: formatDateTime(s.closedAt, locale) })}
                </div>
              </>
            ) : (
              <Badge tone="bad">{a.open}</Badge>
            )}
          </Td>
          <Td>
            <Badge tone={notifyTone[s.notifyState]}>{notifyText(s, t)}</Badge>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
