"use client";
import type { ReactNode } from "react";
import { useResultToast } from "./toast";

/**
 * The outcome of a form: an error (role=alert) or a confirmation (polite), and the same as a toast.
 * `result`: the action's state, so that the same message after a second submission toasts again.
 */
export function FormMessage({
  error,
  ok,
  testId,
  result,
}: {
  error?: string;
  ok?: ReactNode;
  testId?: string;
  result?: unknown;
}) {
  const text = error ?? (typeof ok === "string" ? ok : undefined);
  useResultToast(result ?? text, () =>
    error ? { tone: "error", text: error } : typeof ok === "string" ? { tone: "success", text: ok } : null,
  );
  if (error)
    return (
      <p role="alert" data-testid={testId} className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
        {error}
      </p>
    );
  if (ok)
    return (
      <p aria-live="polite" data-testid={testId} className="rounded-lg bg-ok-bg px-3 py-2 text-sm text-ok-fg">
        {ok}
      </p>
    );
  return null;
}
