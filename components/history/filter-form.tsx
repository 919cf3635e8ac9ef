import Form from "next/form";
import Link from "next/link";
import { interpolate } from "@/lib/i18n/locales";
import type { HistoryParamName, ParsedHistoryParams } from "@/lib/payments/history/params";
import { DEFAULT_DIR, DEFAULT_SORT } from "@/lib/payments/history/url";
import type { HistoryText } from "./types";
import { primaryButton } from "@/components/ui/form";

const problemId = (param: HistoryParamName) => `history-problem-${param}`;

/**
 * A GET form: submitting writes the filters into the URL (works without JavaScript; with it,
 * next/form navigates client-side). Status and sort ride along as hidden fields; the cursor does
 * not, so a new filter starts on the first page.
 */
export function FilterForm({ msn, parsed, t }: { msn: string; parsed: ParsedHistoryParams; t: HistoryText }) {
  const { state, input, problems } = parsed;
  const invalid = new Set(problems.map((p) => p.param));
  const field = (name: "from" | "to" | "min" | "max" | "q") => ({
    id: `history-${name}`,
    name,
    defaultValue: input[name],
    "aria-invalid": invalid.has(name) || undefined,
    "aria-describedby": invalid.has(name) ? problemId(name) : undefined,
    className: `mt-1 w-full rounded-lg border bg-surface px-3 py-1.5 text-sm text-ink ${invalid.has(name) ? "border-bad-fg" : "border-surface-line"}`,
  });
  const label = "block text-xs font-medium text-ink-muted";
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
      <Form
        action={`/history/${encodeURIComponent(msn)}`}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,1.5fr)_auto] lg:items-end"
      >
        {state.status.map((s) => (
          <input key={s} type="hidden" name="status" value={s} />
        ))}
        {state.sort !== DEFAULT_SORT ? <input type="hidden" name="sort" value={state.sort} /> : null}
        {state.dir !== DEFAULT_DIR ? <input type="hidden" name="dir" value={state.dir} /> : null}
        <div>
          <label htmlFor="history-from" className={label}>
            {t.filters.from}
          </label>
          <input type="date" min="2000-01-01" max="2099-12-31" {...field("from")} />
        </div>
        <div>
          <label htmlFor="history-to" className={label}>
            {t.filters.to}
          </label>
          <input type="date" min="2000-01-01" max="2099-12-31" {...field("to")} />
        </div>
        <div>
          <label htmlFor="history-min" className={label}>
            {t.filters.min}
          </label>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t.filters.amountPlaceholder}
            maxLength={30}
            {...field("min")}
          />
        </div>
        <div>
          <label htmlFor="history-max" className={label}>
            {t.filters.max}
          </label>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder={t.filters.amountPlaceholder}
            maxLength={30}
            {...field("max")}
          />
        </div>
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="history-q" className={label}>
            {t.filters.text}
          </label>
          <input
            type="search"
            autoComplete="off"
            placeholder={t.filters.textPlaceholder}
            maxLength={100}
            {...field("q")}
          />
        </div>
        <div className="flex items-center gap-2">
          <button type="submit" className={`${primaryButton} py-1.5`}>
            {t.filters.apply}
          </button>
          <Link
            href={`/history/${encodeURIComponent(msn)}`}
            className="rounded-lg px-3 py-1.5 text-sm font-medium text-ink-muted hover:bg-surface-sunken hover:text-ink"
          >
            {t.filters.clear}
          </Link>
        </div>
      </Form>
    </section>
  );
}
