import Form from "next/form";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { fieldClass, SalesUnitField, SelectField } from "@/components/ui/select-field";
import { interpolate } from "@/lib/i18n/locales";
import type { HistoryParamName, ParsedHistoryParams } from "@/lib/payments/history/params";
import { DEFAULT_DIR, DEFAULT_SORT, PAGE_SIZES } from "@/lib/payments/history/url";
import { DatePresets } from "./date-presets";
import type { HistoryText } from "./types";

const problemId = (param: HistoryParamName) => `history-problem-${param}`;

/**
 * A GET form: submitting writes the filters into the URL (works without JavaScript; with it,
 * next/form navigates client-side). Status, sort and a date preset ride along as hidden fields; the
 * cursor does not, so a new filter starts on the first page.
 */
export function FilterForm({
  parsed,
  units,
  t,
}: {
  parsed: ParsedHistoryParams;
  units: readonly { msn: string; name: string }[];
  t: HistoryText;
}) {
  const { state, input, problems } = parsed;
  const invalid = new Set(problems.map((p) => p.param));
  const field = (name: "from" | "to" | "min" | "max" | "q") => ({
    id: `history-${name}`,
    name,
    defaultValue: input[name],
    "aria-invalid": invalid.has(name) || undefined,
    "aria-describedby": invalid.has(name) ? problemId(name) : undefined,
    className: `${fieldClass} w-full text-ink ${invalid.has(name) ? "border-bad-fg" : ""}`,
  });
  const label = "flex flex-col gap-1 text-sm font-medium";
  return (
    <section
      aria-label={t.filters.legend}
      className="mb-4 rounded-card border border-surface-line bg-surface p-4 shadow-card"
    >
      {problems.length > 0 ? (
        <div
          role="alert"
          data-testid="history-problems"
          className="mb-4 rounded-lg bg-warn-bg px-3 py-2 text-sm text-warn-fg"
        >
          <p className="font-medium">{t.problemsTitle}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i} id={i === problems.findIndex((x) => x.param === p.param) ? problemId(p.param) : undefined}>
                {interpolate(t.problems[p.code], { value: p.value })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DatePresets state={state} t={t} />
      <Form action="/history" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        {state.status.map((s) => (
          <input key={s} type="hidden" name="status" value={s} />
        ))}
        {state.range ? <input type="hidden" name="range" value={state.range} /> : null}
        {state.sort !== DEFAULT_SORT ? <input type="hidden" name="sort" value={state.sort} /> : null}
        {state.dir !== DEFAULT_DIR ? <input type="hidden" name="dir" value={state.dir} /> : null}
        <SalesUnitField label={t.filters.salesUnit} all={t.filters.allUnits} value={state.msn} units={units} />
        <label className={label}>
          {t.filters.from}
          <input type="date" min="2000-01-01" max="2099-12-31" {...field("from")} />
        </label>
        <label className={label}>
          {t.filters.to}
          <input type="date" min="2000-01-01" max="2099-12-31" {...field("to")} />
        </label>
        <SelectField
          label={t.filters.pageSize}
          name="size"
          value={String(state.size)}
          all={null}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
        />
        <label className={label}>
          {t.filters.min}
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t.filters.amountPlaceholder}
            maxLength={30}
            {...field("min")}
          />
        </label>
        <label className={label}>
          {t.filters.max}
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t.filters.amountPlaceholder}
            maxLength={30}
            {...field("max")}
          />
        </label>
        <label className={label}>
          {t.filters.text}
          <input
            type="search"
            autoComplete="off"
            placeholder={t.filters.textPlaceholder}
            maxLength={100}
            {...field("q")}
          />
        </label>
        <div className="flex items-center gap-2">
          <FilterButtons apply={t.filters.apply} clear={{ href: "/history", label: t.filters.clear }} />
        </div>
      </Form>
    </section>
  );
}
