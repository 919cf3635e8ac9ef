"use client";
import { useActionState } from "react";
import { refreshPaymentAction, type RefreshState } from "@/lib/actions/payments/refresh-payment";

export function RefreshButton({
  msn,
  orderId,
  labels,
}: {
  msn: string;
  orderId: string;
  labels: { button: string; working: string };
}) {
  const [state, action, pending] = useActionState<RefreshState, FormData>(refreshPaymentAction, {});
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
      {state.message ? (
        <span
          data-testid="refresh-message"
          aria-live="polite"
          className={`text-sm ${state.ok ? "text-ok-fg" : "text-bad-fg"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
