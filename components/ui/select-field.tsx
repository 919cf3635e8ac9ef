import { ENVIRONMENTS } from "@/lib/api-errors/dashboard-types";

// A labelled <select> for a GET filter form, with an "all" choice first (the empty value) unless
// every choice is a value (a page size).
export const fieldClass = "rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal";

export function SelectField({
  label,
  name,
  value,
  all,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  /** The text of the empty choice ("All sales units"); null: no empty choice. */
  all: string | null;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={fieldClass}>
        {all === null ? null : <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The sales-unit select of a filter form: "Name (MSN)" for each unit the reader may see. */
export function SalesUnitField({
  label,
  all,
  value,
  units,
}: {
  label: string;
  all: string;
  value: string | undefined;
  units: readonly { msn: string; name: string }[];
}) {
  return (
    <SelectField
      label={label}
      name="msn"
      value={value}
      all={all}
      options={units.map((u) => ({ value: u.msn, label: `${u.name} (${u.msn})` }))}
    />
  );
}

/** The environment select of a filter form (name "env"). */
export function EnvironmentField({
  label,
  all,
  value,
  names,
}: {
  label: string;
  all: string;
  value: string | undefined;
  names: Record<(typeof ENVIRONMENTS)[number], string>;
}) {
  return (
    <SelectField
      label={label}
      name="env"
      value={value}
      all={all}
      options={ENVIRONMENTS.map((v) => ({ value: v, label: names[v] }))}
    />
  );
}

/** The operation select of a filter form (name "op"): eCom operation names as they are. */
export function OperationField({
  label,
  all,
  value,
  operations,
}: {
  label: string;
  all: string;
  value: string | undefined;
  operations: readonly string[];
}) {
  return (
    <SelectField
      label={label}
      name="op"
      value={value}
      all={all}
      options={operations.map((o) => ({ value: o, label: o }))}
    />
  );
}
