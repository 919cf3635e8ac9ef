"use client";
// The step-up prompt: shown inside a form whose action answered "step_up_required" (a large money
// movement, an API key change). The person types a code and sends the same form again; the action
// checks the code before doing anything.
import { useId } from "react";
import { STEP_UP_FIELD } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

export type StepUpTexts = Dictionary["twoFactor"]["stepUp"];

export function StepUpPrompt({ t, error }: { t: StepUpTexts; error?: string }) {
  const id = useId();
  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      data-testid="step-up"
      className="flex flex-col gap-2 rounded-lg border border-brand-500/40 bg-brand-50 px-3 py-3 text-sm"
    >
      <p id={`${id}-title`} className="font-semibold text-brand-700">
        {t.title}
      </p>
      <p className="text-ink-muted">{t.body}</p>
      <label className="flex flex-col gap-1.5 font-medium">
        {t.codeLabel}
        <input
          name={STEP_UP_FIELD}
          data-testid="step-up-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={64}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-40 rounded-lg border border-surface-line bg-surface px-3 py-2 font-mono text-base font-normal tracking-widest outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
      </label>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-bad-fg">
          {error}
        </p>
      ) : null}
    </div>
  );
}
