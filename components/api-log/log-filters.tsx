// The request log's filter form (GET, so every filter lives in the URL) and what was left out.
import { RangeFields } from "@/components/api-log/range-fields";
import { FilterErrors } from "@/components/ui/filter-errors";
import { FilterButtons } from "@/components/ui/filter-buttons";
import {
  EnvironmentField,
  OperationField,
  SalesUnitField,
  SelectField,
  fieldClass,
} from "@/components/ui/select-field";
import { FilterTextField } from "@/components/ui/filter-text-field";
import { SOURCES, STATUS_CLASSES, type LogFilter, type LogFilterError } from "@/lib/api-log/log-filter";
import { timeRangeInputs } from "@/lib/api-log/time-range";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

const OPERATIONS = ["accessToken", "initiate", "details", "capture", "cancel", "refund", "approve", "callback"];
// The statuses Vipps' gateway and API answer with (ecom-api.md §8), offered one by one.
const STATUSES = [400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504];

// The URL parameter of each field, and the label it has in the form.
const LABELS = {
  msn: "salesUnit",
  op: "operation",
  status: "status",
  group: "group",
  code: "code",
  order: "orderId",
  rid: "requestId",
  ctx: "contextId",
} as const;

export function LogFilters({
  filter,
  errors,
  raw,
  units,
  t,
}: {
  filter: LogFilter;
  errors: LogFilterError[];
  raw: Record<string, string | string[] | undefined>;
  units: { msn: string; name: string }[];
  t: Dictionary["apiLog"];
}) {
  const f = t.filters;
  const statuses = [...new Set([...STATUSES, ...(typeof filter.status === "number" ? [filter.status] : [])])].sort();
  const operations = [...new Set([...OPERATIONS, ...(filter.operation ? [filter.operation] : [])])];
  return (
    <form method="get" action="/api-log" className="mb-4 flex flex-col gap-3" data-testid="api-log-filters">
      <FilterErrors errors={errors} raw={raw} label={(field) => f[LABELS[field]]} t={t} />
      <div className="flex flex-wrap items-end gap-3">
        <RangeFields
          {...timeRangeInputs(filter.time)}
          t={{ range: f.range, ranges: f.ranges, from: f.from, to: f.to, toHint: f.toHint }}
        />
        <SalesUnitField label={f.salesUnit} all={f.allUnits} value={filter.msn} units={units} />
        <EnvironmentField
          label={f.environment}
          all={f.allEnvironments}
          value={filter.environment}
          names={f.environments}
        />
        <OperationField label={f.operation} all={f.allOperations} value={filter.operation} operations={operations} />
        <SelectField
          label={f.source}
          name="source"
          value={filter.source}
          all={f.allSources}
          options={SOURCES.map((v) => ({ value: v, label: f.sources[v] }))}
        />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {f.status}
          <select
            name="status"
            defaultValue={filter.status === undefined ? "" : String(filter.status)}
            className={fieldClass}
          >
            <option value="">{f.allStatuses}</option>
            {STATUS_CLASSES.map((s) => (
              <option key={s} value={s}>
                {f.statuses[s]}
              </option>
            ))}
            <optgroup label={f.oneStatus}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <FilterTextField label={f.group} name="group" value={filter.errorGroup} width="w-32" />
        <FilterTextField label={f.code} name="code" value={filter.errorCode} width="w-28" />
        <FilterTextField label={f.orderId} name="order" value={filter.orderId} />
        <FilterTextField label={f.requestId} name="rid" value={filter.requestId} width="w-56" />
        <FilterTextField label={f.contextId} name="ctx" value={filter.contextId} width="w-64" />
        <FilterButtons apply={f.apply} clear={{ href: "/api-log", label: f.clear }} />
      </div>
    </form>
  );
}
