// One logged call: what was sent and answered (masked again on the way out, in case an old row
// predates a masking rule), the contextId Vipps support asks for, the remedy, and the payment.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/api-log/status-badge";
import { Remedy } from "@/components/errors/remedy-card";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { remedyView } from "@/lib/api-errors/remedies";
import { logParams, parseLogParams } from "@/lib/api-log/log-filter";
import { getCall } from "@/lib/api-log/log-query";
import { maskJson } from "@/lib/api-log/mask";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { can, canSeeMsn } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.apiLog.title };
}

function Body({ value, empty, truncated }: { value: unknown; empty: string; truncated: string }) {
  if (value === null || value === undefined) return <p className="text-sm text-ink-muted">{empty}</p>;
  const cut =
    typeof value === "object" && value !== null && "truncated" in value && "chars" in value
      ? interpolate(truncated, { chars: String((value as { chars: number }).chars) })
      : null;
  return (
    <>
      {cut ? <p className="mb-2 text-xs text-warn-fg">{cut}</p> : null}
      <pre className="max-h-[28rem] overflow-auto rounded-lg bg-surface-sunken p-3 font-mono text-xs leading-relaxed">
        {typeof value === "string" ? value : JSON.stringify(maskJson(value), null, 2)}
      </pre>
    </>
  );
}

export default async function ApiCallPage({ params, searchParams }: Props) {
  const [{ id }, raw, actor, { t, locale }] = await Promise.all([params, searchParams, requireActor(), getI18n()]);
  await requirePermission(actor, "apilog:read", "/api-log");
  const call = await getCall(await db(), actor, id);
  if (!call) notFound();
  const a = t.apiLog;
  const d = a.detail;
  const back = `/api-log?${new URLSearchParams(logParams(parseLogParams(raw, new Date()).filter)).toString()}`;
  const failed = call.httpStatus === null || call.httpStatus >= 400;
  const remedy = failed ? remedyView(call) : null;
  const paymentHref =
    call.msn && call.orderId && can(actor, "payments:read") && canSeeMsn(actor, call.msn)
      ? `/payments/${call.msn}/${encodeURIComponent(call.orderId)}`
      : null;
  const row = (label: string, value: ReactNode) => (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );

  return (
    <>
      <Link href={back} className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {d.back}
      </Link>
      <PageHeader
        title={`${call.operation} · ${call.httpStatus ?? a.table.network}`}
        description={`${call.method} ${call.path}`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={d.summary} className="min-w-0">
          <dl className="divide-y divide-surface-line text-sm" data-testid="api-call-fields">
            {row(d.fields.time, formatDateTime(call.at, locale, { seconds: true }))}
            {row(d.fields.unit, <span className="font-mono">{call.msn ?? "—"}</span>)}
            {row(d.fields.environment, a.filters.environments[call.environment])}
            {row(d.fields.source, a.filters.sources[call.source])}
            {row(
              d.fields.orderId,
              call.orderId ? (
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono">{call.orderId}</span>
                  {paymentHref ? (
                    <Link href={paymentHref} className="text-brand-700 underline" data-testid="open-payment">
                      {d.openPayment}
                    </Link>
                  ) : null}
                </span>
              ) : (
                "—"
              ),
            )}
            {row(d.fields.status, <StatusBadge status={call.httpStatus} noAnswer={a.table.network} />)}
            {call.errorGroup || call.errorCode || call.errorMessage
              ? row(
                  d.fields.error,
                  <span>
                    <span className="font-mono font-semibold">
                      {[call.errorGroup, call.errorCode].filter(Boolean).join("/")}
                    </span>{" "}
                    {call.errorMessage}
                  </span>,
                )
              : null}
            {call.networkError ? row(d.fields.network, call.networkError) : null}
            {row(d.fields.duration, `${call.durationMs} ms`)}
            {row(d.fields.attempt, String(call.attempt))}
            {row(
              d.fields.requestId,
              call.requestId ? (
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs">{call.requestId}</span>
                  <CopyButton value={call.requestId} label={d.copy} copied={d.copied} />
                </span>
              ) : (
                "—"
              ),
            )}
            {row(
              d.fields.contextId,
              call.contextId ? (
                <span className="flex flex-col gap-1">
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs" data-testid="context-id">
                      {call.contextId}
                    </span>
                    <CopyButton value={call.contextId} label={d.copy} copied={d.copied} testId="copy-context-id" />
                  </span>
                  <span className="text-xs text-ink-muted">{d.contextHint}</span>
                </span>
              ) : (
                <span className="text-ink-muted">{d.noContextId}</span>
              ),
            )}
          </dl>
        </Card>
        {remedy ? (
          <Card title={d.remedy} className="min-w-0">
            <Remedy open remedy={remedy} message={call.errorMessage ?? call.networkError} r={t.remedies} />
          </Card>
        ) : null}
        <Card title={d.requestBody} className="min-w-0">
          <div data-testid="request-body">
            <Body value={call.requestBody} empty={d.noBody} truncated={d.truncated} />
          </div>
        </Card>
        <Card title={d.responseBody} className="min-w-0">
          <div data-testid="response-body">
            <Body value={call.responseBody} empty={d.noBody} truncated={d.truncated} />
          </div>
        </Card>
      </div>
    </>
  );
}
