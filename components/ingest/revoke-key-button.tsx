"use client";
import { useActionState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/ingest/revoke-api-key";
import { StepUpPrompt, type StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { errorOf, isStepUp } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

export function RevokeKeyButton({
  id,
  name,
  t,
  stepUpT,
}: {
  id: string;
  name: string;
  t: Dictionary["ingest"]["apiKeys"];
  stepUpT: StepUpTexts;
}) {
  const [result, action, pending] = useActionState(revokeApiKeyAction, {});
  const error = errorOf(result);
  const stepUp = isStepUp(result.data) ? result.data : undefined;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        // Asked once: a form sent again with a step-up code was already confirmed.
        if (!stepUp && !window.confirm(interpolate(t.revokeConfirm, { name }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      {stepUp ? (
        <div className="mb-2">
          <StepUpPrompt t={stepUpT} error={stepUp.error} />
        </div>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="whitespace-nowrap rounded-lg border border-surface-line px-3 py-1 text-xs font-medium text-bad-fg hover:bg-bad-bg disabled:opacity-60"
      >
        {t.revoke}
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-bad-fg">
          {error}
        </p>
      ) : null}
    </form>
  );
}
