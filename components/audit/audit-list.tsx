// The audit trail's rows: a table at desktop width, one card per row on a phone. Each row: when
// (Oslo time), who, the action's name, the outcome, the sales unit and the payment (a link to its
// page), and the details as short "key: value" pairs.
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from "@/lib/audit";
import { detailPairs } from "@/lib/audit/details";
import type { AuditRow } from "@/lib/audit/query";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";
import { isMsn, isOrderId, paymentHref } from "@/lib/ids";

const TONE: Record<AuditOutcome, "ok" | "warn" | "bad" | "neutral" | "info"> = {
  success: "ok",
  found: "ok",
  not_found: "neutral",
  failed: "bad",
  error: "bad",
  refused: "warn",
  locked: "warn",
  throttled: "warn",
};

type T = Dictionary["audit"];

// Rows written before an action or outcome was renamed keep their code: shown as it is.
function ActionName({ action, t }: { action: string; t: T }) {
  return AUDIT_ACTIONS.includes(action as AuditAction) ? t.actions[action as AuditAction] : action;
}

function Outcome({ outcome, t }: { outcome: string; t: T }) {
  const known = AUDIT_OUTCOMES.includes(outcome as AuditOutcome) ? (outcome as AuditOutcome) : null;
  return <Badge tone={known ? TONE[known] : "neutral"}>{known ? t.outcomes[known] : outcome}</Badge>;
}

function Payment({ msn, orderId }: { msn: string | null; orderId: string | null }) {
  if (!orderId) return <span className="text-ink-faint">—</span>;
  if (!msn || !isMsn(msn) || !isOrderId(orderId)) return <span className="font-mono text-xs">{orderId}</span>;
  return (
    <Link
      href={paymentHref(msn, orderId)}
      className="font-mono text-xs text-brand-700 underline-offset-2 hover:underline"
    >
      {orderId}
    </Link>
  );
}

function Details({ details }: { details: AuditRow["details"] }) {
  const pairs = detailPairs(details);
  if (pairs.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {pairs.map(([k, v], i) => (
        <div key={`${k}-${i}`} className="flex min-w-0 gap-1">
          {k ? <dt className="text-ink-muted">{k}:</dt> : null}
          <dd className="min-w-0 font-mono [overflow-wrap:anywhere]">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditList({ rows, t, locale }: { rows: AuditRow[]; t: T; locale: Locale }) {
  const who = (r: AuditRow) => r.userEmail ?? <span className="text-ink-muted italic">{t.nobody}</span>;
  const when = (r: AuditRow) => formatDateTime(r.at, locale, { seconds: true });
  return (
    <>
      <ul className="flex flex-col gap-2 md:hidden" data-testid="audit-cards">
        {rows.map((r) => (
          <li
            key={r.id.toString()}
            data-testid="audit-card"
            className="flex flex-col gap-1 rounded-card border border-surface-line bg-surface p-3 shadow-card"
          >
            <span className="flex items-start justify-between gap-2">
              <span className="font-medium">
                <ActionName action={r.action} t={t} />
              </span>
              <Outcome outcome={r.outcome} t={t} />
            </span>
            <span className="text-xs text-ink-muted">
              {when(r)} · {who(r)}
            </span>
            {r.msn || r.orderId ? (
              <span className="flex flex-wrap gap-2 text-xs">
                {r.msn ? <span className="font-mono">{r.msn}</span> : null}
                {r.orderId ? <Payment msn={r.msn} orderId={r.orderId} /> : null}
              </span>
            ) : null}
            <Details details={r.details} />
          </li>
        ))}
        {rows.length === 0 ? <li className="py-6 text-center text-sm text-ink-muted">{t.empty}</li> : null}
      </ul>
      <Table
        className="hidden md:block"
        testId="audit"
        head={[t.table.time, t.table.who, t.table.action, t.table.outcome, t.table.payment, t.table.details]}
        empty={rows.length === 0 ? t.empty : undefined}
      >
        {rows.map((r) => (
          <tr key={r.id.toString()} data-testid="audit-row" className="hover:bg-surface-sunken">
            <Td className="whitespace-nowrap tabular-nums">{when(r)}</Td>
            <Td className="break-words">{who(r)}</Td>
            <Td>
              <ActionName action={r.action} t={t} />
            </Td>
            <Td>
              <Outcome outcome={r.outcome} t={t} />
            </Td>
            <Td className="whitespace-nowrap">
              {r.msn || r.orderId ? (
                <span className="flex flex-col">
                  <span className="font-mono text-xs">{r.msn ?? "—"}</span>
                  <Payment msn={r.msn} orderId={r.orderId} />
                </span>
              ) : (
                <span className="text-ink-faint">—</span>
              )}
            </Td>
            <Td className="max-w-md min-w-56">
              <Details details={r.details} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
