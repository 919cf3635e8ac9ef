"use client";
// "Move money" on the payment page (finance and admin only; the page passes nothing to others):
// the four operations, each offered only when the payment allows it and otherwise saying why, and
// an operation in flight (who started what, when). Each opens the dialog.
import { useState } from "react";
import { formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import type { MoneyPanel as PanelData } from "@/lib/money/panel";
import { MONEY_KINDS, type MoneyKind } from "@/lib/money/rules";
import type { StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { ApprovalButtons } from "./approval-buttons";
import { MoneyDialog, relativeAgo, useClock } from "./money-dialog";
import { primaryButton } from "@/components/ui/form";

export function MoneyPanel({
  panel,
  t,
  locale,
  guaranteeDays,
  openAtStart = null,
  meId,
  stepUpT,
}: {
  panel: PanelData;
  t: Dictionary["money"];
  /** The step-up prompt's words (large amounts may need a fresh code). */
  stepUpT: StepUpTexts;
  locale: Locale;
  guaranteeDays: number | null;
  /** A dialog to open at once (a link such as "refund this payment"). */
  openAtStart?: MoneyKind | null;
  /** The signed-in user: the one person who may not approve their own request. */
  meId: string;
}) {
  const [open, setOpen] = useState<MoneyKind | null>(panel.inFlight ? null : openAtStart);
  const now = useClock();
  const busy = panel.inFlight;
  // The request this person may decide stays on screen after the decision (the page refreshes
  // without it), so the outcome can be read.
  const waitingId = busy?.state === "awaiting_approval" && busy.createdById !== meId ? busy.operationId : null;
  const [decisionFor, setDecisionFor] = useState<string | null>(waitingId);
  if (waitingId && waitingId !== decisionFor) setDecisionFor(waitingId);
  return (
    <section
      data-testid="money-panel"
      aria-labelledby="money-title"
      className="rounded-card border border-surface-line bg-surface p-5 shadow-card"
    >
      <h2 id="money-title" className="mb-1 text-sm font-semibold text-ink-muted">
        {t.title}
      </h2>
      <p className="mb-4 text-xs text-ink-faint">{t.freshNote}</p>
      {busy ? (
        <p
          data-testid="money-in-flight"
          role="status"
          className="mb-4 rounded-lg bg-warn-bg px-3 py-2 text-sm text-warn-fg"
        >
          {interpolate(
            busy.state === "unknown"
              ? t.inFlightUnknown
              : busy.state === "awaiting_approval"
                ? t.inFlightAwaiting
                : t.inFlight,
            {
              by: busy.by ?? t.someone,
              what: t.what[busy.kind],
              amount: busy.amount === null ? "—" : formatOre(busy.amount),
              ago: relativeAgo(busy.since, locale, now),
            },
          )}
        </p>
      ) : null}
      {decisionFor ? (
        <div className="mb-4">
          <ApprovalButtons
            key={decisionFor}
            operationId={decisionFor}
            orderId={panel.orderId}
            t={t}
            locale={locale}
            stepUpT={stepUpT}
          />
        </div>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {MONEY_KINDS.map((kind) => {
          const a = panel.allowances[kind];
          const enabled = a.allowed && !busy;
          return (
            <li key={kind} className="flex flex-col gap-1">
              <button
                type="button"
                data-testid={`money-${kind}`}
                disabled={!enabled}
                onClick={() => setOpen(kind)}
                className={
                  kind === "capture" || kind === "refund"
                    ? `${primaryButton} disabled:bg-surface-sunken disabled:text-ink-muted`
                    : "rounded-lg border border-surface-line bg-surface px-4 py-2 text-sm font-semibold text-ink hover:bg-surface-sunken disabled:cursor-not-allowed disabled:text-ink-muted"
                }
              >
                {t.kinds[kind]}
              </button>
              <span className="text-xs text-ink-muted">
                {a.allowed ? interpolate(t.upTo, { amount: formatOre(a.max) }) : t.notAllowed[a.why]}
              </span>
            </li>
          );
        })}
      </ul>
      {open ? (
        <MoneyDialog
          kind={open}
          panel={panel}
          t={t}
          locale={locale}
          guaranteeDays={guaranteeDays}
          onClose={() => setOpen(null)}
          stepUpT={stepUpT}
        />
      ) : null}
    </section>
  );
}
