"use client";
// The money dialog: sales unit, MSN and orderId up front; a fresh summary from Vipps as it opens;
// the amount as a person writes kroner, converted to øre exactly; a preview of the result in
// words; the outcome as succeeded, failed (with Vipps' reason in plain words) or pending — never
// "done" while the outcome is unknown. The idempotency key is made when the dialog opens, so a
// double click or a resubmit of the same form can never move money twice.
import * as Dialog from "@radix-ui/react-dialog";
import { Modal } from "@/components/ui/dialog";
import { startTransition, useActionState, useEffect, useState, useSyncExternalStore } from "react";
import { readMoneyPanelAction } from "@/lib/actions/money/read-money-panel";
import { submitMoneyOperationAction } from "@/lib/actions/money/submit-money-operation";
import { StepUpPrompt, type StepUpTexts } from "@/components/account/two-factor/step-up-prompt";
import { errorOf, isStepUp } from "@/lib/actions/result";
import { useResultToast, type ToastTone } from "@/components/ui/toast";
import { formatOre } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate, type Locale } from "@/lib/i18n/locales";
import { oreToInput, parseKroner } from "@/lib/money/amount";
import type { MoneyResult, Refusal } from "@/lib/money/engine";
import type { MoneyPanel } from "@/lib/money/panel";
import { REFUND_REASONS, type MoneyKind } from "@/lib/money/rules";
import { primaryButton } from "@/components/ui/form";

type T = Dictionary["money"];

const field =
  "rounded-lg border border-surface-line bg-surface px-3 py-2 text-base font-normal outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

// A clock that ticks every 10 s, the same on server and client render (no impure calls in render).
const subscribeClock = (tick: () => void) => {
  const id = setInterval(tick, 10_000);
  return () => clearInterval(id);
};
const clockNow = () => Math.floor(Date.now() / 10_000) * 10_000;

/** "Now", to the nearest 10 seconds, for "started 40 seconds ago". */
export const useClock = () => useSyncExternalStore(subscribeClock, clockNow, clockNow);

export { Outcome as MoneyOutcome, outcomeToast as moneyOutcomeToast };

export function relativeAgo(since: Date, locale: Locale, now: number): string {
  const seconds = Math.round((new Date(since).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { numeric: "auto" });
  if (Math.abs(seconds) < 60) return rtf.format(Math.min(seconds, -1), "second");
  if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  return rtf.format(Math.round(seconds / 3600), "hour");
}

function refusalText(t: T, r: Refusal, locale: Locale, now: number): string {
  switch (r.code) {
    case "busy":
      return interpolate(t.refusals.busy, {
        by: r.by ?? t.someone,
        what: t.what[r.kind],
        amount: formatOre(r.amount),
        ago: relativeAgo(r.since, locale, now),
      });
    case "key_reused":
    case "vipps_unavailable":
    case "db_busy":
    case "own_request":
    case "not_waiting":
    case "expired":
      return t.refusals[r.code];
    case "confirm_mismatch":
    case "above_remaining":
    case "below_minimum":
      return interpolate(t.refusals[r.code], { max: formatOre(r.max) });
    default:
      return t.notAllowed[r.code];
  }
}

function vippsReason(t: T, code: string): string {
  const known = t.vippsReasons as Record<string, string>;
  return known[code] ?? interpolate(t.vippsReasons.other, { code });
}

function unsuccessfulText(
  result: Extract<MoneyResult, { outcome: "refused" | "failed" }>,
  t: T,
  locale: Locale,
  now: number,
): string {
  return result.outcome === "refused"
    ? refusalText(t, result.refusal, locale, now)
    : `${interpolate(t.result.failed, { reason: vippsReason(t, result.code) })}${
        result.retryAfterSeconds ? ` ${interpolate(t.result.retryAfter, { seconds: result.retryAfterSeconds })}` : ""
      }`;
}

/** The outcome once more as a toast, naming the payment (the dialog may be closed by then). */
function outcomeToast(
  result: MoneyResult,
  orderId: string,
  t: T,
  locale: Locale,
  now: number,
): { tone: ToastTone; text: string } {
  const say = (tone: ToastTone, text: string) => ({ tone, text: `${orderId}: ${text}` });
  switch (result.outcome) {
    case "succeeded":
      return say(
        "success",
        interpolate(t.result.succeeded[result.operation.kind], { amount: formatOre(result.operation.amount ?? 0) }),
      );
    case "awaiting_approval":
      return say("info", t.result.awaiting);
    case "pending":
      return say("warning", t.result.pending);
    default:
      return say("error", unsuccessfulText(result, t, locale, now));
  }
}

function Outcome({ result, t, locale, now }: { result: MoneyResult; t: T; locale: Locale; now: number }) {
  if (result.outcome === "succeeded") {
    const op = result.operation;
    return (
      <div
        data-testid="money-result"
        data-outcome="succeeded"
        role="status"
        className="rounded-lg bg-ok-bg px-3 py-2 text-sm text-ok-fg"
      >
        <p className="font-medium">{interpolate(t.result.succeeded[op.kind], { amount: formatOre(op.amount ?? 0) })}</p>
        {op.transactionId ? (
          <p className="text-xs">{interpolate(t.result.transaction, { id: op.transactionId })}</p>
        ) : null}
      </div>
    );
  }
  if (result.outcome === "awaiting_approval") {
    return (
      <p
        data-testid="money-result"
        data-outcome="awaiting_approval"
        role="status"
        className="rounded-lg bg-info-bg px-3 py-2 text-sm text-info-fg"
      >
        {t.result.awaiting}
      </p>
    );
  }
  if (result.outcome === "pending") {
    return (
      <p
        data-testid="money-result"
        data-outcome="pending"
        role="status"
        className="rounded-lg bg-warn-bg px-3 py-2 text-sm text-warn-fg"
      >
        {t.result.pending}
      </p>
    );
  }
  const text = unsuccessfulText(result, t, locale, now);
  return (
    <p
      data-testid="money-result"
      data-outcome={result.outcome}
      role="alert"
      className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg"
    >
      {text}
    </p>
  );
}

function preview(
  t: T,
  kind: MoneyKind,
  p: MoneyPanel,
  ore: number | null,
  guaranteeDays: number | null,
): string | null {
  const a = p.amounts;
  if (kind === "cancel") return interpolate(t.preview.cancel, { amount: formatOre(a.remainingToCapture) });
  if (kind === "release")
    return interpolate(t.preview.release, { captured: formatOre(a.captured), amount: formatOre(a.remainingToCapture) });
  if (ore === null) return null;
  const max = kind === "capture" ? a.remainingToCapture : a.remainingToRefund;
  if (ore > max) return interpolate(t.refusals.above_remaining, { max: formatOre(max) });
  if (kind === "capture") {
    const left = a.remainingToCapture - ore;
    if (left <= 0) return interpolate(t.preview.captureAll, { captured: formatOre(a.captured + ore) });
    const line = interpolate(t.preview.capture, { captured: formatOre(a.captured + ore), left: formatOre(left) });
    return guaranteeDays ? `${line} ${interpolate(t.preview.captureLeft, { days: guaranteeDays })}` : line;
  }
  const line = interpolate(t.preview.refund, {
    refunded: formatOre(a.refunded + ore),
    captured: formatOre(a.captured),
    left: formatOre(Math.max(0, a.remainingToRefund - ore)),
  });
  return `${line} ${t.preview.refundDays}`;
}

export function MoneyDialog({
  kind,
  panel,
  t,
  locale,
  guaranteeDays,
  onClose,
  stepUpT,
}: {
  kind: MoneyKind;
  panel: MoneyPanel;
  t: T;
  locale: Locale;
  guaranteeDays: number | null;
  onClose: () => void;
  stepUpT: StepUpTexts;
}) {
  // One key per intent: made when the dialog opens, so every submit of this form (a double click, a
  // resubmit) is the same operation. Only "try again" after a refusal or failure makes a new one.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [fresh, setFresh] = useState<MoneyPanel | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  // Controlled, so a refused attempt keeps what was typed (React resets a form after its action).
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [confirm, setConfirm] = useState("");
  const [result, submit, pending] = useActionState(submitMoneyOperationAction, {});
  const now = useClock();

  useEffect(() => {
    const form = new FormData();
    form.set("msn", panel.msn);
    form.set("orderId", panel.orderId);
    let alive = true;
    readMoneyPanelAction(form)
      .then((r) => {
        if (!alive) return;
        if (r?.data) setFresh(r.data);
        else setReadError(errorOf(r ?? {}) ?? t.dialog.readFailed);
      })
      .catch(() => alive && setReadError(t.dialog.readFailed));
    return () => {
      alive = false;
    };
  }, [panel.msn, panel.orderId, t.dialog.readFailed]);

  const p = fresh ?? panel;
  const allowance = p.allowances[kind];
  const max = allowance.allowed ? allowance.max : 0;
  const parsed = amount ? parseKroner(amount) : null;
  const ore = kind === "capture" || kind === "refund" ? (parsed?.ok ? parsed.ore : null) : max;
  const answer = result === dismissed ? undefined : result.data;
  // A large amount may first need a fresh code: the same form (same key) goes again with it.
  const stepUp = isStepUp(answer) ? answer : undefined;
  const shown = isStepUp(answer) ? undefined : answer;
  const done =
    shown !== undefined &&
    (shown.outcome === "succeeded" || shown.outcome === "pending" || shown.outcome === "awaiting_approval");
  const canRetry = shown !== undefined && (shown.outcome === "refused" || shown.outcome === "failed");
  const tryAgain = () => {
    setIdempotencyKey(crypto.randomUUID());
    setDismissed(result);
  };
  const error = errorOf(result);
  useResultToast(shown, () => (shown ? outcomeToast(shown, p.orderId, t, locale, now) : null));
  const fieldError = (name: string) => result.validationErrors?.fieldErrors[name]?.[0];
  const amountLabel = formatOre(ore ?? 0);

  return (
    <Modal onClose={onClose} testId="money-dialog" describedBy="money-dialog-who">
      <Dialog.Title className="text-lg font-semibold">{t.kinds[kind]}</Dialog.Title>
      <dl id="money-dialog-who" className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-ink-muted">{t.dialog.salesUnit}</dt>
        <dd>
          <strong>{p.salesUnitName}</strong> <span className="font-mono text-ink-muted">{p.msn}</span>
        </dd>
        <dt className="text-ink-muted">{t.dialog.orderId}</dt>
        <dd className="font-mono text-base font-semibold">{p.orderId}</dd>
      </dl>

      <div
        data-testid="money-summary"
        aria-live="polite"
        className="mt-3 rounded-lg bg-surface-sunken px-3 py-2 text-sm"
      >
        {fresh ? (
          <p className="flex flex-wrap gap-x-4 gap-y-1 tabular-nums">
            <span>
              {t.dialog.reserved}: {formatOre(fresh.amounts.reserved)}
            </span>
            <span>
              {t.dialog.captured}: {formatOre(fresh.amounts.captured)}
            </span>
            <span>
              {t.dialog.refunded}: {formatOre(fresh.amounts.refunded)}
            </span>
          </p>
        ) : (
          <p className="text-ink-muted">{readError ?? t.dialog.reading}</p>
        )}
      </div>

      {fresh && !allowance.allowed ? (
        <p role="alert" className="mt-3 rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
          {t.notAllowed[allowance.why]}
        </p>
      ) : null}

      <form
        // Submitted by hand, not as <form action>: React would reset the form after the action
        // (a select then falls back to its first choice), and a retry must send what is shown.
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          startTransition(() => submit(form));
        }}
        className="mt-4 flex flex-col gap-4"
        noValidate
      >
        <input type="hidden" name="msn" value={p.msn} />
        <input type="hidden" name="orderId" value={p.orderId} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {kind === "capture" || kind === "refund" ? (
          <div className="flex flex-col gap-1.5">
            <label htmlFor="money-amount" className="text-sm font-medium">
              {t.dialog.amount}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <input
                id="money-amount"
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                value={amount}
                onChange={(e) => {
                  if (canRetry) tryAgain();
                  setAmount(e.target.value);
                }}
                placeholder={t.dialog.amountHint}
                aria-invalid={fieldError("amount") ? true : undefined}
                aria-describedby="money-amount-error"
                className={`${field} w-40 tabular-nums`}
                disabled={done}
              />
              <button
                type="button"
                disabled={!allowance.allowed || done}
                onClick={() => setAmount(oreToInput(max))}
                className="rounded-lg border border-surface-line px-3 py-2 text-sm hover:bg-surface-sunken disabled:opacity-50"
              >
                {interpolate(t.dialog.all, { amount: formatOre(max) })}
              </button>
            </div>
            <p id="money-amount-error" className="text-sm text-bad-fg">
              {fieldError("amount") ?? ""}
            </p>
          </div>
        ) : (
          <input type="hidden" name="amount" value="all" />
        )}

        {kind === "refund" ? (
          <>
            <label className="flex flex-col gap-1.5 text-sm font-medium">
              {t.dialog.reason}
              <select
                name="reason"
                value={reason}
                onChange={(e) => {
                  if (canRetry) tryAgain();
                  setReason(e.target.value);
                }}
                className={field}
                disabled={done}
              >
                <option value="" disabled>
                  {t.dialog.chooseReason}
                </option>
                {REFUND_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t.dialog.reasons[r]}
                  </option>
                ))}
              </select>
              <span className="text-sm font-normal text-bad-fg">{fieldError("reason") ?? ""}</span>
            </label>
            <label className="flex flex-col gap-1.5 text-sm font-medium">
              {t.dialog.note}
              <textarea
                name="note"
                rows={2}
                maxLength={500}
                value={note}
                onChange={(e) => {
                  if (canRetry) tryAgain();
                  setNote(e.target.value);
                }}
                className={field}
                disabled={done}
              />
              <span className="text-sm font-normal text-bad-fg">{fieldError("note") ?? ""}</span>
            </label>
          </>
        ) : null}

        {kind === "release" ? (
          <label className="flex flex-col gap-1.5 text-sm font-medium">
            {interpolate(t.dialog.confirm, { amount: formatOre(max) })}
            <input
              name="confirm"
              inputMode="decimal"
              autoComplete="off"
              value={confirm}
              onChange={(e) => {
                if (canRetry) tryAgain();
                setConfirm(e.target.value);
              }}
              className={`${field} w-40`}
              disabled={done}
            />
            <span className="text-sm font-normal text-bad-fg">{fieldError("confirm") ?? ""}</span>
          </label>
        ) : null}
        {kind === "cancel" ? (
          <p className="text-sm">{interpolate(t.dialog.cancelConfirm, { amount: formatOre(max) })}</p>
        ) : null}

        {allowance.allowed && !done ? (
          <p data-testid="money-preview" className="text-sm text-ink-muted">
            {preview(t, kind, p, ore, guaranteeDays)}
          </p>
        ) : null}

        {stepUp ? <StepUpPrompt t={stepUpT} error={stepUp.error} /> : null}
        {shown ? <Outcome result={shown} t={t} locale={locale} now={now} /> : null}
        {error ? (
          <p role="alert" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
            {error}
          </p>
        ) : null}

        <div className="flex flex-wrap justify-end gap-2">
          <Dialog.Close asChild>
            <button
              type="button"
              className="rounded-lg border border-surface-line px-4 py-2 text-sm hover:bg-surface-sunken"
            >
              {done ? t.dialog.close : t.dialog.back}
            </button>
          </Dialog.Close>
          {canRetry ? (
            <button
              type="button"
              data-testid="money-retry"
              onClick={tryAgain}
              className="rounded-lg border border-brand-500 px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t.dialog.tryAgain}
            </button>
          ) : null}
          {!done && !canRetry ? (
            <button
              type="submit"
              data-testid="money-submit"
              disabled={pending || !fresh || !allowance.allowed}
              className={primaryButton}
            >
              {pending ? t.dialog.working : interpolate(t.dialog.submit[kind], { amount: amountLabel })}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
