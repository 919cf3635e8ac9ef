"use client";
import { Link } from "@/components/ui/link";
import { paymentHref } from "@/lib/ids";
import { useActionState } from "react";
import { lookUpAtVippsAction } from "@/lib/actions/payments/look-up-at-vipps";
import { errorOf } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

export function AskVipps({ orderId, t }: { orderId: string; t: Dictionary["lookup"] }) {
  const [result, action, pending] = useActionState(lookUpAtVippsAction, {});
  const error = errorOf(result);
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="orderId" value={orderId} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-brand-500 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? t.asking : t.askVipps}
        </button>
        <span className="text-sm text-ink-muted">{t.askVippsHint}</span>
      </form>
      {error ? (
        <p role="alert" data-testid="vipps-error" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
          {error}
        </p>
      ) : null}
      {result.data ? (
        <ul
          data-testid="vipps-results"
          className="divide-y divide-surface-line rounded-card border border-surface-line bg-surface text-sm"
        >
          {result.data.results.map((r) => (
            <li key={r.msn} className="flex items-center justify-between gap-3 px-4 py-2">
              <span>
                {r.salesUnitName} <span className="font-mono text-xs text-ink-faint">{r.msn}</span>
              </span>
              {r.result === "found" ? (
                <Link className="font-medium text-brand-700 underline" href={paymentHref(r.msn, orderId)}>
                  {t.remote.found} · {t.open}
                </Link>
              ) : (
                <span className="text-ink-muted">
                  {r.result === "error" ? interpolate(t.remote.error, { detail: r.detail ?? "" }) : t.remote.not_found}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
