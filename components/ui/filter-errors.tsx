// What a GET filter form left out, and why: a period that could not be used, or a field's value
// (quoted, cut to 60 characters) that is not valid. Shown above the form; the rest still applied.
import type { TimeRangeError } from "@/lib/api-log/time-range";
import { firstParam, type RawParams } from "@/lib/filter-params";
import { interpolate } from "@/lib/i18n/locales";

export type FilterError<F extends string> = { field: "range"; error: TimeRangeError } | { field: F; error: "invalid" };

export function FilterErrors<F extends string>({
  errors,
  raw,
  label,
  t,
}: {
  errors: FilterError<F>[];
  raw: RawParams;
  /** A field's label in the form. */
  label: (field: F) => string;
  t: { rangeErrors: Record<TimeRangeError, string>; fieldError: string };
}) {
  if (errors.length === 0) return null;
  return (
    <ul role="alert" className="rounded-lg border border-warn-fg/30 bg-warn-bg px-4 py-2 text-sm text-warn-fg">
      {errors.map((e) => (
        <li key={e.field}>
          {e.field === "range"
            ? t.rangeErrors[e.error as TimeRangeError]
            : interpolate(t.fieldError, {
                field: label(e.field as F),
                value: (firstParam(raw[e.field]) ?? "").slice(0, 60),
              })}
        </li>
      ))}
    </ul>
  );
}
