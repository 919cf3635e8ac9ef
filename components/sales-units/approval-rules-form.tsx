"use client";
// An admin's four-eyes rules for one sales unit.
import { useActionState } from "react";
import { errorOf } from "@/lib/actions/result";
import { setApprovalRulesAction } from "@/lib/actions/sales-units/set-approval-rules";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { oreToInput } from "@/lib/money/amount";
import { useActionToast } from "@/components/ui/toast";

export function ApprovalRulesForm({
  msn,
  thresholdOre,
  releaseNeedsApproval,
  t,
}: {
  msn: string;
  thresholdOre: number | null;
  releaseNeedsApproval: boolean;
  t: Dictionary["salesUnits"];
}) {
  const [result, save, pending] = useActionState(setApprovalRulesAction, {});
  useActionToast(result, t.saved);
  const error = errorOf(result);
  return (
    <form action={save} className="flex flex-wrap items-end gap-2 text-xs" data-testid={`approval-rules-${msn}`}>
      <input type="hidden" name="msn" value={msn} />
      <label className="flex flex-col gap-1">
        {t.threshold}
        <input
          name="threshold"
          inputMode="decimal"
          defaultValue={thresholdOre === null ? "" : oreToInput(thresholdOre)}
          className="w-28 rounded-lg border border-surface-line bg-surface px-2 py-1 text-sm"
        />
      </label>
      <label className="flex items-center gap-1.5 pb-1.5">
        <input type="checkbox" name="releaseNeedsApproval" defaultChecked={releaseNeedsApproval} />
        {t.releaseApproval}
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-surface-line px-3 py-1 text-sm font-medium hover:bg-surface-sunken disabled:opacity-60"
      >
        {t.save}
      </button>
      {result.data?.ok && !pending ? <span className="pb-1.5 text-ok-fg">{t.saved}</span> : null}
      {error ? <span className="pb-1.5 text-bad-fg">{error}</span> : null}
    </form>
  );
}
