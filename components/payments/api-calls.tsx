import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";

interface Call {
  id: bigint;
  at: Date;
  operation: string;
  method: string;
  path: string;
  httpStatus: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  networkError: string | null;
  durationMs: number;
  attempt: number;
  requestId: string | null;
  requestBody: unknown;
  responseBody: unknown;
}

/** The raw calls behind the payment. Bodies were masked before they were stored. */
export function ApiCalls({ calls, t, locale }: { calls: Call[]; t: Dictionary; locale: Locale }) {
  const x = t.payment.api;
  return (
    <Card title={x.title} testId="api-calls">
      {calls.length === 0 ? <p className="text-sm text-ink-muted">{x.empty}</p> : null}
      <ul className="divide-y divide-surface-line text-sm">
        {calls.map((c) => (
          <li key={c.id.toString()} className="py-2">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
                <Badge tone={c.httpStatus !== null && c.httpStatus < 400 ? "ok" : "bad"}>
                  {c.httpStatus ?? c.networkError ?? "—"}
                </Badge>
                <span className="font-medium">{c.operation}</span>
                <span className="font-mono text-xs text-ink-faint">
                  {c.method} {c.path}
                </span>
                {c.attempt > 1 ? (
                  <span className="text-xs text-ink-muted">{interpolate(x.attempt, { n: c.attempt })}</span>
                ) : null}
                <span className="text-xs text-ink-muted">
                  {formatDateTime(c.at, locale)} · {c.durationMs} ms
                </span>
                {c.errorCode ? (
                  <span className="text-xs text-bad-fg">{`${c.errorCode}: ${c.errorMessage ?? ""}`}</span>
                ) : null}
              </summary>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                {[
                  [x.request, c.requestBody],
                  [x.response, c.responseBody],
                ].map(([label, body]) => (
                  <div key={String(label)}>
                    <p className="text-xs font-medium text-ink-muted">{String(label)}</p>
                    <pre className="mt-1 max-h-64 overflow-auto rounded-lg bg-surface-sunken p-2 font-mono text-xs">
                      {body === null || body === undefined ? "—" : JSON.stringify(body, null, 2)}
                    </pre>
                  </div>
                ))}
              </div>
            </details>
          </li>
        ))}
      </ul>
    </Card>
  );
}
