"use client";
// The period fields of a GET filter form: a preset, or "custom" with from and to (Oslo time), which
// are shown only when custom is chosen. Used by the error dashboard and the request log.
import { useState } from "react";
import { fieldClass } from "@/components/ui/select-field";
import { PRESETS } from "@/lib/api-log/time-range";

export function RangeFields({
  range,
  from,
  to,
  t,
}: {
  range: string;
  /** datetime-local values (Oslo time), or "". */
  from: string;
  to: string;
  t: {
    range: string;
    ranges: Record<(typeof PRESETS)[number] | "custom", string>;
    from: string;
    to: string;
    toHint: string;
  };
}) {
  const [chosen, setChosen] = useState(range);
  return (
    <>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t.range}
        <select name="range" value={chosen} onChange={(e) => setChosen(e.target.value)} className={fieldClass}>
          {[...PRESETS, "custom" as const].map((r) => (
            <option key={r} value={r}>
              {t.ranges[r]}
            </option>
          ))}
        </select>
      </label>
      {chosen === "custom" ? (
        <>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t.from}
            <input type="datetime-local" name="from" defaultValue={from} required className={fieldClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            <span>
              {t.to} <span className="font-normal text-ink-muted">({t.toHint})</span>
            </span>
            <input type="datetime-local" name="to" defaultValue={to} className={fieldClass} />
          </label>
        </>
      ) : null}
    </>
  );
}
