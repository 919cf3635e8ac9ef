"use client";
// "Capture / release selected": what will happen, per sales unit and in total, then one batch that
// runs in the background. The idempotency key is made when the dialog opens, so a double click
// queues one batch. Releasing is irreversible: the person types the total to confirm.
import * as Dialog from "@radix-ui/react-dialog";
import { Modal } from "@/components/ui/dialog";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createBatchAction } from "@/lib/actions/money/create-batch";
import { StepUpPrompt, type StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { errorOf, isStepUp, STEP_UP_FIELD, type StepUpRequired } from "@/lib/actions/result";
import { formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import type { BatchKind, BatchRefusal } from "@/lib/money/batch";
import type { QueueRowView } from "./capture-queue";
import { primaryButton } from "@/components/ui/form";

type T = Dictionary["finance"];

function refusalText(t: T, r: BatchRefusal): string {
  switch (r.code) {
    case "key_reused":
      return t.refusals.key_reused;
    case "confirm_mismatch":
      return interpolate(t.refusals.confirm_mismatch, { total: formatOre(r.total) });
    default:
      return interpolate(t.refusals[r.code], { orderId: r.orderId });
  }
}

export function BatchDialog({
  kind,
  rows,
  unitNames,
  t,
  onClose,
  stepUpT,
}: {
  kind: BatchKind;
  rows: QueueRowView[];
  unitNames: Record<string, string>;
  t: T;
  onClose: () => void;
  stepUpT: StepUpTexts;
}) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Over the step-up threshold the action first asks for a fresh code; the same batch goes again with it.
  const [stepUp, setStepUp] = useState<StepUpRequired | null>(null);
  const [working, startWorking] = useTransition();
  const router = useRouter();
  const total = rows.reduce((s, r) => s + r.remainingToCapture, 0);
  const units = [...new Set(rows.map((r) => r.msn))].sort().map((msn) => {
    const mine = rows.filter((r) => r.msn === msn);
    return { msn, count: mine.length, amount: mine.reduce((s, r) => s + r.remainingToCapture, 0) };
  });
  const d = t.dialog;
  const submit = (stepUpCode: string | undefined) =>
    startWorking(async () => {
      setError(null);
      const r = await createBatchAction({
        kind,
        idempotencyKey,
        items: rows.map((row) => ({ msn: row.msn, orderId: row.orderId, amount: row.remainingToCapture })),
        ...(kind === "release" ? { confirm } : {}),
        ...(stepUpCode !== undefined ? { [STEP_UP_FIELD]: stepUpCode } : {}),
      });
      const data = r?.data;
      setStepUp(isStepUp(data) ? data : null);
      if (isStepUp(data)) return;
      if (data && data.outcome !== "refused") {
        router.push(`/finance/batches/${data.batchId}`);
        return;
      }
      setError(data?.outcome === "refused" ? refusalText(t, data.refusal) : (errorOf(r ?? {}) ?? null));
    });
  return (
    <Modal onClose={onClose} testId="batch-dialog" describedBy="batch-dialog-intro">
      <Dialog.Title className="text-lg font-semibold">
        {rows.length === 1 ? d.titleOne[kind] : interpolate(d.title[kind], { count: rows.length })}
      </Dialog.Title>
      <p id="batch-dialog-intro" className="mt-2 text-sm text-ink-muted">
        {d.intro[kind]}
      </p>
      <ul className="mt-3 space-y-1 rounded-lg bg-surface-sunken px-3 py-2 text-sm tabular-nums">
        {units.map((u) => (
          <li key={u.msn}>
            {interpolate(d.perUnit, {
              name: unitNames[u.msn] ?? u.msn,
              msn: u.msn,
              count: u.count,
              amount: formatOre(u.amount),
            })}
          </li>
        ))}
        <li className="pt-1 font-semibold">{interpolate(d.total, { amount: formatOre(total) })}</li>
      </ul>
      <p className="mt-3 text-sm">{d.background}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const code = new FormData(e.currentTarget).get(STEP_UP_FIELD);
          submit(typeof code === "string" ? code : undefined);
        }}
        className="mt-4 flex flex-col gap-4"
        noValidate
      >
        {kind === "release" ? (
          <label className="flex flex-col gap-1.5 text-sm font-medium">
            {interpolate(d.confirm, { amount: formatOre(total) })}
            <input
              name="confirm"
              inputMode="decimal"
              autoComplete="off"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              className="w-40 rounded-lg border border-surface-line bg-surface px-3 py-2 text-base font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
            />
          </label>
        ) : null}
        {stepUp ? <StepUpPrompt t={stepUpT} error={stepUp.error} /> : null}
        {error ? (
          <p role="alert" data-testid="batch-error" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Dialog.Close asChild>
            <button
              type="button"
              className="rounded-lg border border-surface-line px-4 py-2 text-sm hover:bg-surface-sunken"
            >
              {d.back}
            </button>
          </Dialog.Close>
          <button type="submit" data-testid="batch-submit" disabled={working} className={primaryButton}>
            {working ? d.working : interpolate(d.submit[kind], { amount: formatOre(total) })}
          </button>
        </div>
      </form>
    </Modal>
  );
}
