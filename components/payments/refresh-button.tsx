"use client";
import { useActionState } from "react";
import { refreshPaymentAction } from "@/lib/actions/payments/refresh-payment";
import { errorOf } from "@/lib/actions/result";
import { useResultToast } from "@/components/ui/toast";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

export function RefreshButton({
  msn,
  orderId,
  t,
}: {
  msn: string;
  orderId: string;
  t: Dictionary["payment"]["refresh"];
}) {
  const [result, action, pending] = useActionState(refreshPaymentAction, {});
  const ok = result.data?.ok === true;
  const message = result.data ? (result.data.ok ? t.done : `${t.vippsFailed} ${result.data.vipps}`) : errorOf(result);
  useResultToast(result, () => (message ? { tone: ok ? "success" : "error", text: message } : null));
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="msn" value={msn} />
      <input type="hidden" name="orderId" value={orderId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-sunken disabled:opacity-60"
      >
        {pending ? t.working : t.button}
      </button>
      {message ? (
        <span
          data-testid="refresh-message"
          aria-live="polite"
          className={`text-sm ${ok ? "text-ok-fg" : "text-bad-fg"}`}
        >
          {message}
        </span>
      ) : null}
    </form>
  );
}
