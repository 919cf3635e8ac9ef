"use client";
// "Test connection" on a unit's page: the saved keys, against the unit's environment.
import { useActionState } from "react";
import { errorOf } from "@/lib/actions/result";
import { testConnectionAction } from "@/lib/actions/sales-units/test-connection";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { ConnectionResult } from "./connection-result";
import { primaryButton } from "@/components/ui/form";

export function ConnectionTestPanel({
  msn,
  t,
  s,
  r,
}: {
  msn: string;
  t: Dictionary["salesUnitsAdmin"]["test"];
  s: Dictionary["salesUnits"];
  r: Dictionary["remedies"];
}) {
  const [result, test, testing] = useActionState(testConnectionAction, {});
  const error = errorOf(result);
  return (
    <form action={test} className="flex flex-col gap-3" data-testid="connection-test">
      <input type="hidden" name="msn" value={msn} />
      <div>
        <button type="submit" disabled={testing} className={primaryButton}>
          {testing ? t.running : t.run}
        </button>
      </div>
      <div aria-live="polite">
        {result.data && !testing ? <ConnectionResult result={result.data} msn={msn} t={t} s={s} r={r} /> : null}
        {error && !testing ? <p className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">{error}</p> : null}
      </div>
    </form>
  );
}
