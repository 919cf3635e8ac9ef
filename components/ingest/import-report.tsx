"use client";
import { useState } from "react";
import { Table, Td } from "@/components/ui/table";
import type { ImportRow } from "@/lib/actions/ingest/import-csv";
import type { RegisterStatus } from "@/lib/ingest/problems";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { ResultBadge } from "./result-badge";

export function ImportReport({
  rows,
  counts,
  t,
}: {
  rows: ImportRow[];
  counts: Record<RegisterStatus, number>;
  t: Dictionary["ingest"];
}) {
  const problems = rows.filter((r) => (r.status !== "registered" && r.status !== "already_known") || r.message !== "");
  const [onlyProblems, setOnlyProblems] = useState(problems.length > 0);
  const shown = onlyProblems ? problems : rows;
  const c = t.import.columns;
  return (
    <section data-testid="import-report" className="mt-6 flex flex-col gap-3">
      <p data-testid="import-summary" className="text-sm font-medium text-ink" aria-live="polite">
        {interpolate(t.import.summary, {
          rows: rows.length,
          registered: counts.registered,
          known: counts.already_known,
          notFound: counts.not_found_at_vipps,
          invalid: counts.invalid,
          failed: counts.failed,
        })}
      </p>
      <label className="flex items-center gap-2 text-sm text-ink-muted">
        <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
        {t.import.onlyProblems}
      </label>
      <Table
        testId="import-rows"
        head={[c.row, c.msn, c.orderId, c.result, c.message]}
        empty={shown.length === 0 ? t.import.noProblems : undefined}
      >
        {shown.map((r) => (
          <tr key={r.row} data-status={r.status}>
            <Td className="font-mono tabular-nums">{r.row}</Td>
            <Td className="font-mono">{r.msn}</Td>
            <Td className="font-mono break-all">{r.orderId}</Td>
            <Td>
              <ResultBadge status={r.status} t={t.results} />
            </Td>
            <Td className="text-ink-muted">{r.message}</Td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
