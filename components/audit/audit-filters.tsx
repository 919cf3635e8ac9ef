// The audit trail's filter form (GET, so every filter lives in the URL) and what was left out.
import { RangeFields } from "@/components/api-log/range-fields";
import { FilterErrors } from "@/components/ui/filter-errors";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { SalesUnitField, SelectField } from "@/components/ui/select-field";
import { FilterTextField } from "@/components/ui/filter-text-field";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit";
import { timeRangeInputs } from "@/lib/api-log/time-range";
import type { AuditFilter, AuditFilterError } from "@/lib/audit/filter";
import type { RawParams } from "@/lib/filter-params";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

export function AuditFilters({
  filter,
  errors,
  raw,
  units,
  t,
}: {
  filter: AuditFilter;
  errors: AuditFilterError[];
  raw: RawParams;
  units: { msn: string; name: string }[];
  t: Pick<Dictionary, "audit" | "apiLog">;
}) {
  const a = t.audit;
  const f = a.filters;
  const r = t.apiLog.filters;
  const labels = { who: f.who, action: f.action, outcome: f.outcome, msn: f.salesUnit, order: f.orderId };
  // Alphabetical in the reader's language, so an action is found by its name.
  const actions = AUDIT_ACTIONS.map((v) => ({ value: v, label: a.actions[v] })).sort((x, y) =>
    x.label.localeCompare(y.label),
  );
  return (
    <form method="get" action="/admin/audit" className="mb-4 flex flex-col gap-3" data-testid="audit-filters">
      <FilterErrors
        errors={errors}
        raw={raw}
        label={(field) => labels[field]}
        t={{ rangeErrors: t.apiLog.rangeErrors, fieldError: a.fieldError }}
      />
      <div className="flex flex-wrap items-end gap-3">
        <RangeFields
          {...timeRangeInputs(filter.time)}
          t={{ range: r.range, ranges: r.ranges, from: r.from, to: r.to, toHint: r.toHint }}
        />
        <SelectField label={f.action} name="action" value={filter.action} all={f.allActions} options={actions} />
        <SelectField
          label={f.outcome}
          name="outcome"
          value={filter.outcome}
          all={f.allOutcomes}
          options={AUDIT_OUTCOMES.map((v) => ({ value: v, label: a.outcomes[v] }))}
        />
        <SalesUnitField label={f.salesUnit} all={f.allUnits} value={filter.msn} units={units} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <FilterTextField label={f.who} name="who" value={filter.who} width="w-64" />
        <FilterTextField label={f.orderId} name="order" value={filter.orderId} />
        <FilterButtons apply={f.apply} clear={{ href: "/admin/audit", label: f.clear }} />
      </div>
    </form>
  );
}
