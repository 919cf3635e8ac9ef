"use client";
// Results of actions as toasts (sonner), besides the message in place: a person who scrolled away,
// or closed the dialog, still learns how it went. Field messages stay at their fields only.
import dynamic from "next/dynamic";
import { useEffect, useEffectEvent, useRef } from "react";
import type { ActionState } from "@/lib/actions/result";
import { nonFieldError } from "./keep-input";

// sonner is loaded after the page (no route carries it in its first load); the toaster and every
// toast() share the one module, so its queue is one.
const Sonner = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

/** `label`: the notification region's name for screen readers; `close`: each toast's close button. */
export function Toaster({ label, close }: { label: string; close: string }) {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      duration={6_000}
      containerAriaLabel={label}
      toastOptions={{
        closeButtonAriaLabel: close,
        // The app's own tones (contrast checked by axe), not sonner's "rich colours".
        classNames: {
          toast: "!font-sans !text-sm !border-surface-line",
          success: "!bg-ok-bg !text-ok-fg",
          error: "!bg-bad-bg !text-bad-fg",
          warning: "!bg-warn-bg !text-warn-fg",
          info: "!bg-info-bg !text-info-fg",
        },
      }}
    />
  );
}

export type ToastTone = "success" | "error" | "info" | "warning";

/** Shows one toast per new `result` (by identity: each submission's state is a new object). */
export function useResultToast(result: unknown, message: () => { tone: ToastTone; text: string } | null) {
  const shown = useRef<unknown>(undefined);
  const show = useEffectEvent(() => {
    const m = message();
    if (m) void import("sonner").then(({ toast }) => toast[m.tone](m.text));
  });
  useEffect(() => {
    if (result === shown.current) return;
    shown.current = result;
    show();
  }, [result]);
}

/**
 * The usual form: `ok` when the action succeeded (its data is not `{ ok: false }`), its refusal or
 * failure otherwise — a form error, never one that belongs to a field. Nothing for the initial state.
 */
export function useActionToast(state: ActionState<unknown>, ok: string | null) {
  useResultToast(state, () => {
    const data = state.data as { ok?: boolean; error?: unknown } | undefined;
    if (data !== undefined && data?.ok !== false) return ok ? { tone: "success", text: ok } : null;
    const refused = typeof data?.error === "string" ? data.error : undefined;
    const error = refused ?? nonFieldError(state, []);
    return error ? { tone: "error", text: error } : null;
  });
}
