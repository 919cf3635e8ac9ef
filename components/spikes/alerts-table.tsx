// The alert history: when, where, how far above the usual, and what became of the webhook.
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime, formatPercent } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { SpikeAlertView } from "@/lib/spikes/alerts";
import { NOTIFY_TRIES } from "@/lib/spikes/notify-policy";

type T = Dictionary["spikes"];

function notifyText(a: SpikeAlertView, t: T, locale: Locale): string {
  const n = t.alerts.notify;
  const reason = () => {
    const text = t.reasons[(a.notifyReason ?? "network") as keyof T["reasons"]] ?? t.reasons.network;
    return interpolate(text, { status: a.notifyStatus ?? "?" });
  };
  const tries = a.notifyTries;
  switch (a.notifyState) {
    case "pending":
      // After a failed try: what went wrong and when the next one is due.
      return tries > 0 && a.notifyRetryAt
        ? interpolate(n.retrying, {
            tries,
            max: NOTIFY_TRIES,
            reason: reason(),
            time: formatDateTime(a.notifyRetryAt, locale),
          })
        : n.pending;
    case "sending":
      return n.sending;
    case "sent":
      return interpolate(tries > 1 ? n.sentOnTry : n.sent, { status: a.notifyStatus ?? 200, tries });
    case "failed":
      return tries > 1
        ? interpolate(n.failedAfter, { tries, reason: reason() })
        : interpolate(n.failed, { reason: reason() });
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
            <Badge tone={notifyTone[s.notifyState]}>{notifyText(s, t, locale)}</Badge>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
