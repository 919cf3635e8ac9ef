// The request log's filter form (GET, so every filter lives in the URL) and what was left out.
import Link from "next/link";
import { RangeFields } from "@/components/api-log/range-fields";
import { fieldClass, SelectField } from "@/components/ui/select-field";
import { SOURCES, STATUS_CLASSES, type LogFilter, type LogFilterError } from "@/lib/api-log/log-filter";
import { osloLocalInput } from "@/lib/payments/history/dates";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

const OPERATIONS = ["accessToken", "initiate", "details", "capture", "cancel", "refund", "approve", "callback"];
// The statuses Vipps' gateway and API answer with (ecom-api.md §8), offered one by one.
const STATUSES = [400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

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
  const text = (name: string, label: string, value: string | undefined, width = "w-40") => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input name={name} defaultValue={value ?? ""} className={`${fieldClass} ${width} font-mono`} autoComplete="off" />
    </label>
  );
  const custom = filter.time.range === "custom" ? filter.time : null;
  const statuses = [...new Set([...STATUSES, ...(typeof filter.status === "number" ? [filter.status] : [])])].sort();
  const operations = [...new Set([...OPERATIONS, ...(filter.operation ? [filter.operation] : [])])];
  return (
    <form method="get" action="/api-log" className="mb-4 flex flex-col gap-3" data-testid="api-log-filters">
      {errors.length ? (
        <ul role="alert" className="rounded-lg border border-warn-fg/30 bg-warn-bg px-4 py-2 text-sm text-warn-fg">
          {errors.map((e) => (
            <li key={e.field}>
              {e.field === "range"
                ? t.rangeErrors[e.error]
                : interpolate(t.fieldError, { field: f[LABELS[e.field]], value: one(raw[e.field]).slice(0, 60) })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <RangeFields
          range={filter.time.range}
          from={custom ? osloLocalInput(custom.from) : ""}
          to={custom ? osloLocalInput(custom.to) : ""}
          t={{ range: f.range, ranges: f.ranges, from: f.from, to: f.to, toHint: f.toHint }}
        />
        <SelectField
          label={f.salesUnit}
          name="msn"
          value={filter.msn}
          all={f.allUnits}
          options={units.map((u) => ({ value: u.msn, label: `${u.name} (${u.msn})` }))}
        />
        <SelectField
          label={f.environment}
          name="env"
          value={filter.environment}
          all={f.allEnvironments}
          options={(["simulator", "test", "production"] as const).map((v) => ({ value: v, label: f.environments[v] }))}
        />
        <SelectField
          label={f.operation}
          name="op"
          value={filter.operation}
          all={f.allOperations}
          options={operations.map((o) => ({ value: o, label: o }))}
        />
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
        {text("group", f.group, filter.errorGroup, "w-32")}
        {text("code", f.code, filter.errorCode, "w-28")}
        {text("order", f.orderId, filter.orderId)}
        {text("rid", f.requestId, filter.requestId, "w-56")}
        {text("ctx", f.contextId, filter.contextId, "w-64")}
        <button
          type="submit"
          className="rounded-lg border border-surface-line bg-surface px-4 py-2 text-sm font-semibold hover:bg-surface-sunken"
        >
          {f.apply}
        </button>
        <Link href="/api-log" className="px-2 py-2 text-sm text-ink-muted hover:text-ink">
          {f.clear}
        </Link>
      </div>
    </form>
  );
}
