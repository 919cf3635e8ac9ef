"use client";
// Deactivate (after a confirmation that says what it means) or reactivate a sales unit.
import * as Dialog from "@radix-ui/react-dialog";
import { useActionState, useState } from "react";
import { Modal } from "@/components/ui/dialog";
import { errorOf } from "@/lib/actions/result";
import { setSalesUnitActiveAction } from "@/lib/actions/sales-units/set-sales-unit-active";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { useActionToast } from "@/components/ui/toast";

const button =
  "rounded-lg border border-surface-line px-4 py-2 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60";

export function UnitStatusForm({
  msn,
  name,
  active,
  t,
}: {
  msn: string;
  name: string;
  active: boolean;
  t: Dictionary["salesUnitsAdmin"]["status"];
}) {
  const [result, act, pending] = useActionState(setSalesUnitActiveAction, {});
  const [confirming, setConfirming] = useState(false);
  const error = errorOf(result);
  const submitted = result.data?.ok && !pending ? (result.data.active ? t.reactivated : t.deactivated) : null;
  useActionToast(result, result.data?.ok ? (result.data.active ? t.reactivated : t.deactivated) : null);
  return (
    <div className="flex flex-col gap-3" data-testid="unit-status">
      <p className="text-sm">{active ? t.active : t.inactive}</p>
      {active ? (
        <div>
          <button type="button" className={button} onClick={() => setConfirming(true)}>
            {t.deactivate}
          </button>
        </div>
      ) : (
        <form action={act}>
          <input type="hidden" name="msn" value={msn} />
          <input type="hidden" name="active" value="true" />
          <button type="submit" disabled={pending} className={button}>
            {t.reactivate}
          </button>
        </form>
      )}
      {confirming ? (
        <Modal onClose={() => setConfirming(false)} testId="deactivate-dialog" describedBy="deactivate-body">
          <Dialog.Title className="text-lg font-semibold">{interpolate(t.confirmTitle, { name })}</Dialog.Title>
          <p id="deactivate-body" className="mt-2 text-sm text-ink-muted">
            {t.confirmBody}
          </p>
          <form
            action={(data) => {
              setConfirming(false);
              act(data);
            }}
            className="mt-5 flex flex-wrap justify-end gap-3"
          >
            <input type="hidden" name="msn" value={msn} />
            <input type="hidden" name="active" value="false" />
            <Dialog.Close asChild>
              <button type="button" className={button}>
                {t.cancel}
              </button>
            </Dialog.Close>
            <button
              type="submit"
              className="rounded-lg bg-bad-fg px-4 py-2 text-sm font-semibold text-white hover:opacity-90"
            >
              {t.confirm}
            </button>
          </form>
        </Modal>
      ) : null}
      <div aria-live="polite">
        {submitted ? <p className="text-sm text-ok-fg">{submitted}</p> : null}
        {error && !pending ? <p className="text-sm text-bad-fg">{error}</p> : null}
      </div>
    </div>
  );
}
