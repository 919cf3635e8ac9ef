"use client";
// Four-eyes: approve or reject a waiting request (shown to everyone who may move money, except the
// person who asked; the server refuses them anyway).
import { useActionState } from "react";
import { decideMoneyOperationAction } from "@/lib/actions/money/decide-money-operation";
import { StepUpPrompt, type StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { errorOf, isStepUp } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import type { Locale } from "@/lib/i18n/locales";
import { useResultToast } from "@/components/ui/toast";
import { MoneyOutcome, moneyOutcomeToast, useClock } from "./money-dialog";
import { primaryButtonSmall } from "@/components/ui/form";

export function ApprovalButtons({
  operationId,
  orderId,
  t,
  locale,
  stepUpT,
}: {
  operationId: string;
  /** Named in the toast: the list may have moved on by then. */
  orderId: string;
  t: Dictionary["money"];
  locale: Locale;
  stepUpT: StepUpTexts;
}) {
  const [result, decide, pending] = useActionState(decideMoneyOperationAction, {});
  const now = useClock();
  const error = errorOf(result);
  const stepUp = isStepUp(result.data) ? result.data : undefined;
  const decided = result.data && !isStepUp(result.data) ? result.data : undefined;
  useResultToast(decided, () => (decided ? moneyOutcomeToast(decided, orderId, t, locale, now) : null));
  if (result.data && !isStepUp(result.data))
    return <MoneyOutcome result={result.data} t={t} locale={locale} now={now} />;
  return (
    <form action={decide} className="flex flex-wrap items-center gap-2" data-testid="approval">
      {stepUp ? (
        <div className="basis-full">
          <StepUpPrompt t={stepUpT} error={stepUp.error} />
        </div>
      ) : null}
      <input type="hidden" name="operationId" value={operationId} />
      <button type="submit" name="decision" value="approve" disabled={pending} className={primaryButtonSmall}>
        {t.approve}
      </button>
      <button
        type="submit"
        name="decision"
        value="reject"
        disabled={pending}
        className="rounded-lg border border-surface-line px-3 py-1.5 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60"
      >
        {t.reject}
      </button>
      {error ? <span className="text-sm text-bad-fg">{error}</span> : null}
    </form>
  );
}
