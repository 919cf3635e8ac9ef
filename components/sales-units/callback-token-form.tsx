"use client";
// The callback authToken: make one (shown once, to copy into the shop), make a new one, or remove it.
import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { submitKeepingInput } from "@/components/ui/keep-input";
import { errorOf } from "@/lib/actions/result";
import { setCallbackTokenAction } from "@/lib/actions/sales-units/set-callback-token";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

const button =
  "rounded-lg border border-surface-line px-4 py-2 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60";

export function CallbackTokenForm({
  msn,
  stateLine,
  isSet,
  t,
}: {
  msn: string;
  stateLine: string;
  isSet: boolean;
  t: Dictionary["salesUnitsAdmin"]["callbackToken"];
}) {
  const [result, act, pending] = useActionState(setCallbackTokenAction, {});
  const token = result.data?.token;
  const error = errorOf(result);
  return (
    <form onSubmit={submitKeepingInput(act)} className="flex flex-col gap-3" data-testid="callback-token">
      <input type="hidden" name="msn" value={msn} />
      <p className="text-sm" data-testid="callback-token-state">
        {stateLine}
      </p>
      {isSet ? <p className="text-xs text-warn-fg">{t.rotateWarning}</p> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="change" value="new" disabled={pending} className={button}>
          {isSet ? t.rotate : t.create}
        </button>
        {isSet ? (
          <button type="submit" name="change" value="remove" disabled={pending} className={button}>
            {t.remove}
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {token && !pending ? (
          <div
            data-testid="new-callback-token"
            className="flex flex-col gap-2 rounded-lg bg-ok-bg px-3 py-3 text-sm text-ok-fg"
          >
            <p>{t.shownOnce}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-ink">{token}</code>
              <CopyButton value={token} label={t.copy} copied={t.copied} />
            </div>
          </div>
        ) : null}
        {result.data?.ok && !token && !pending ? <p className="text-sm text-ok-fg">{t.removed}</p> : null}
        {error && !pending ? <p className="text-sm text-bad-fg">{error}</p> : null}
      </div>
    </form>
  );
}
