"use client";
// Adding a sales unit: MSN, name, environment and capture type. On success the action opens the
// new unit's page, where its keys are entered.
import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { fieldError, nonFieldError, submitKeepingInput } from "@/components/ui/keep-input";
import { SelectInput, TextField } from "@/components/ui/text-field";
import { createSalesUnitAction } from "@/lib/actions/sales-units/create-sales-unit";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { ADMIN_UNITS_PATH } from "@/lib/sales-units/paths";
import { primaryButton } from "@/components/ui/form";

export function CreateUnitForm({ t, s }: { t: Dictionary["salesUnitsAdmin"]; s: Dictionary["salesUnits"] }) {
  const [result, create, pending] = useActionState(createSalesUnitAction, {});
  const c = t.create;
  const msnError = result.data?.error ?? fieldError(result, "msn");
  const other = result.data ? undefined : nonFieldError(result, ["msn", "name", "environment", "captureType"]);
  return (
    <form
      onSubmit={submitKeepingInput(create)}
      noValidate
      data-testid="create-unit"
      className="flex max-w-xl flex-col gap-5 rounded-card border border-surface-line bg-surface p-5 shadow-card"
    >
      <TextField
        id="unit-msn"
        name="msn"
        label={c.msn}
        help={c.msnHelp}
        error={msnError}
        inputMode="numeric"
        autoComplete="off"
        maxLength={7}
        required
        className="max-w-xs"
      />
      <TextField
        id="unit-name"
        name="name"
        label={c.name}
        help={c.nameHelp}
        error={fieldError(result, "name")}
        maxLength={200}
        required
      />
      <SelectInput
        id="unit-environment"
        name="environment"
        label={c.environment}
        help={`${c.environmentHelp} ${c.environmentSimulatorHelp}`}
        error={fieldError(result, "environment")}
        defaultValue="test"
        options={(["simulator", "test", "production"] as const).map((e) => ({ value: e, label: s.environments[e] }))}
      />
      <SelectInput
        id="unit-capture-type"
        name="captureType"
        label={c.captureType}
        help={c.captureTypeHelp}
        error={fieldError(result, "captureType")}
        defaultValue="reserve"
        options={(["reserve", "direct"] as const).map((k) => ({ value: k, label: s.captureTypes[k] }))}
      />
      {other ? (
        <p role="alert" className="rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg">
          {other}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? c.submitting : c.submit}
        </button>
        <Link href={ADMIN_UNITS_PATH} className="text-sm font-medium text-ink-muted underline-offset-2 hover:underline">
          {c.cancel}
        </Link>
      </div>
    </form>
  );
}
