"use client";
import { useActionState } from "react";
import { refreshPaymentAction } from "@/lib/actions/payments/refresh-payment";
import { errorOf } from "@/lib/actions/result";

export function RefreshButton({
  msn,
  orderId,
  labels,
}: {
  msn: string;
  orderId: string;
  labels: { button: string; working: string; done: string; vippsFailed: string };
}) {
  const [result, action, pending] = useActionState(refreshPaymentAction, {});
  const ok = result.data?.ok === true;
  const message = result.data
    ? result.data.ok
      ? labels.done
      : `${labels.vippsFailed} ${result.data.vipps}`
    : errorOf(result);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="msn" value={msn} />
      <input type="hidden" name="orderId" value={orderId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-sunken disabled:opacity-60"
      >
        {pending ? labels.working : labels.button}
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
