"use client";
// The capture queue's table: select payments (all shown, or one by one) and capture or release them
// in one go (components/money/batch-dialog.tsx). Payments with an operation in flight, or already in
// an unfinished batch, cannot be selected.
import { Link } from "@/components/ui/link";
import { useState } from "react";
import type { StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { Table, Td } from "@/components/ui/table";
import { formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { paymentHref } from "@/lib/ids";
import type { BatchKind } from "@/lib/money/batch";
import { BatchDialog } from "./batch-dialog";

export interface QueueRowView {
  id: string;
  msn: string;
  orderId: string;
  remainingToCapture: number;
  capturedAmount: number;
  busy: boolean;
  deadlineText: string;
  deadlineSoon: boolean;
}

const button =
  "rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-ink-muted";

export function CaptureQueue({
  rows,
  unitNames,
  t,
  stepUpT,
}: {
  rows: QueueRowView[];
  unitNames: Record<string, string>;
  t: Dictionary["finance"];
  stepUpT: StepUpTexts;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<BatchKind | null>(null);
  const selectable = rows.filter((r) => !r.busy);
  const chosen = rows.filter((r) => selected.has(r.id));
  const sum = chosen.reduce((s, r) => s + r.remainingToCapture, 0);
  const allChosen = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const c = t.columns;
  const selectAll = {
    type: "checkbox",
    checked: allChosen,
    disabled: selectable.length === 0,
    onChange: () => setSelected(allChosen ? new Set() : new Set(selectable.map((r) => r.id))),
  } as const;
  return (
    <>
      <label className="mb-2 flex min-h-10 items-center gap-2 text-sm font-medium md:hidden">
        <input className="h-5 w-5 accent-brand-600" {...selectAll} />
        {t.selectAll}
      </label>
      <Table
        testId="capture-queue"
        head={[
          // At phone width the heads are hidden (rows become cards): the box above the table stands in.
          <input
            key="all"
            aria-label={t.selectAll}
            className="h-4 w-4 accent-brand-600 max-md:hidden"
            {...selectAll}
          />,
          c.orderId,
          c.salesUnit,
          c.remaining,
          c.captured,
          c.deadline,
        ]}
      >
        {rows.map((r) => (
          <tr key={r.id} data-testid="queue-row" className={selected.has(r.id) ? "bg-brand-50/60" : undefined}>
            <Td>
              <input
                type="checkbox"
                aria-label={`${c.select} ${r.orderId}`}
                checked={selected.has(r.id)}
                disabled={r.busy}
                onChange={() => toggle(r.id)}
                className="h-4 w-4 accent-brand-600"
              />
            </Td>
            <Td className="font-mono">
              <Link
                href={paymentHref(r.msn, r.orderId, "/finance")}
                className="font-medium text-brand-700 hover:underline"
              >
                {r.orderId}
              </Link>
              {r.busy ? <span className="ml-2 font-sans text-xs text-warn-fg">{t.busy}</span> : null}
            </Td>
            <Td>
              {unitNames[r.msn] ?? r.msn} <span className="font-mono text-xs text-ink-muted">{r.msn}</span>
            </Td>
            <Td className="whitespace-nowrap font-medium tabular-nums">{formatOre(r.remainingToCapture)}</Td>
            <Td className="whitespace-nowrap tabular-nums text-ink-muted">
              {r.capturedAmount > 0 ? formatOre(r.capturedAmount) : "—"}
            </Td>
            <Td className={r.deadlineSoon ? "font-medium text-bad-fg" : ""}>{r.deadlineText}</Td>
          </tr>
        ))}
      </Table>
      {chosen.length > 0 ? (
        <div
          data-testid="queue-actions"
          className="sticky bottom-0 z-10 mt-4 flex flex-wrap items-center justify-between gap-3 rounded-card border border-surface-line bg-surface p-3 shadow-card"
        >
          <p className="text-sm font-medium tabular-nums">
            {interpolate(t.selected, { count: chosen.length, amount: formatOre(sum) })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={() => setDialog("release")}
              className={`${button} border border-surface-line bg-surface text-ink hover:bg-surface-sunken`}
            >
              {t.releaseSelected}
            </button>
            <button
              type="button"
              data-testid="capture-selected"
              onClick={() => setDialog("capture")}
              className={`${button} bg-brand-700 text-white hover:bg-brand-800`}
            >
              {t.captureSelected}
            </button>
          </div>
        </div>
      ) : null}
      {dialog ? (
        <BatchDialog
          kind={dialog}
          rows={chosen}
          unitNames={unitNames}
          t={t}
          stepUpT={stepUpT}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </>
  );
}
