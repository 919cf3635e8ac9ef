"use client";
import { startTransition, useActionState, useState } from "react";
import { createApiKeyAction } from "@/lib/actions/ingest/create-api-key";
import { StepUpPrompt, type StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { errorOf, isStepUp } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { primaryButton } from "@/components/ui/form";

const input =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

export function CreateKeyForm({
  t,
  units,
  stepUpT,
}: {
  t: Dictionary["ingest"]["apiKeys"];
  units: { msn: string; name: string }[];
  stepUpT: StepUpTexts;
}) {
  const [result, action, pending] = useActionState(createApiKeyAction, {});
  const created = result.data?.ok ? result.data : undefined;
  const stepUp = isStepUp(result.data) ? result.data : undefined;
  const error = result.data && !result.data.ok && !stepUp ? result.data.error : errorOf(result);
  const [all, setAll] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <form
      // Submitted by hand, not as <form action>: React would reset the form after the action, and a
      // step-up retry must send what is shown (the name and scope) again with the code.
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        startTransition(() => action(form));
      }}
      className="flex flex-col gap-4 rounded-card border border-surface-line bg-surface p-5 shadow-card"
      data-testid="create-key"
    >
      <h2 className="text-sm font-semibold text-ink-muted">{t.create}</h2>
      <label className="flex max-w-md flex-col gap-1.5 text-sm font-medium">
        {t.name}
        <input name="name" required maxLength={100} placeholder={t.namePlaceholder} className={input} />
      </label>
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="mb-1 font-medium">{t.scope}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allSalesUnits" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t.allUnits}
        </label>
        <div className="flex flex-wrap gap-x-5 gap-y-1.5 pl-1">
          {units.map((u) => (
            <label key={u.msn} className={`flex items-center gap-2 ${all ? "opacity-50" : ""}`}>
              <input type="checkbox" name="msns" value={u.msn} disabled={all} />
              <span className="font-mono">{u.msn}</span> {u.name}
            </label>
          ))}
        </div>
      </fieldset>
      {stepUp ? <StepUpPrompt t={stepUpT} error={stepUp.error} /> : null}
      {error ? (
        <p role="alert" data-testid="create-key-error" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
          {error}
        </p>
      ) : null}
      {created ? (
        <div
          data-testid="new-key"
          className="flex flex-col gap-2 rounded-lg bg-ok-bg px-3 py-3 text-sm text-ok-fg"
          aria-live="polite"
        >
          <p>{interpolate(t.created, { name: created.name })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-ink">{created.key}</code>
            <button
              type="button"
              className="rounded-lg border border-surface-line bg-surface px-3 py-1 text-xs font-medium text-ink hover:bg-surface-sunken"
              onClick={() => {
                void navigator.clipboard?.writeText(created?.key ?? "").then(() => setCopied(true));
              }}
            >
              {copied ? t.copied : t.copy}
            </button>
          </div>
        </div>
      ) : null}
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? t.submitting : t.submit}
        </button>
      </div>
    </form>
  );
}
