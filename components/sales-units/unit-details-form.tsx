"use client";
// A unit's name and capture type. The environment is shown, not editable: it belongs to the MSN.
import { useActionState } from "react";
import { fieldError, nonFieldError, submitKeepingInput } from "@/components/ui/keep-input";
import { SelectInput, TextField } from "@/components/ui/text-field";
import { updateSalesUnitAction } from "@/lib/actions/sales-units/update-sales-unit";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { useActionToast } from "@/components/ui/toast";

export function UnitDetailsForm({
  msn,
  name,
  captureType,
  environment,
  t,
  s,
}: {
  msn: string;
  name: string;
  captureType: "reserve" | "direct";
  environment: "simulator" | "test" | "production";
  t: Dictionary["salesUnitsAdmin"]["details"];
  s: Dictionary["salesUnits"];
}) {
  const [result, save, saving] = useActionState(updateSalesUnitAction, {});
  useActionToast(result, t.saved);
  const nameError = fieldError(result, "name");
  const other = nonFieldError(result, ["name", "captureType"]);
  return (
    <form onSubmit={submitKeepingInput(save)} noValidate className="flex flex-col gap-4" data-testid="unit-details">
      <input type="hidden" name="msn" value={msn} />
      <TextField
        id="details-name"
        name="name"
        label={t.name}
        defaultValue={name}
        maxLength={200}
        required
        error={nameError}
        className="max-w-xl"
      />
      <SelectInput
        id="details-capture-type"
        name="captureType"
        label={t.captureType}
        defaultValue={captureType}
        error={fieldError(result, "captureType")}
        options={(["reserve", "direct"] as const).map((k) => ({ value: k, label: s.captureTypes[k] }))}
        className="max-w-xs"
      />
      <p className="text-xs text-ink-muted">
        {interpolate(t.environment, { environment: s.environments[environment] })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={saving}
          className="rounded-lg border border-surface-line px-4 py-2 text-sm font-semibold hover:bg-surface-sunken disabled:opacity-60"
        >
          {t.save}
        </button>
        <span aria-live="polite" className="text-sm">
          {result.data?.ok && !saving ? <span className="text-ok-fg">{t.saved}</span> : null}
          {other && !saving ? <span className="text-bad-fg">{other}</span> : null}
        </span>
      </div>
    </form>
  );
}
