"use client";
import { useActionState, useState } from "react";
import { importCsvAction } from "@/lib/actions/ingest/import-csv";
import { errorOf } from "@/lib/actions/result";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { ImportReport } from "./import-report";
import { primaryButton } from "@/components/ui/form";

const MAX_BYTES = 2 * 1024 * 1024;

export function CsvImportForm({ t }: { t: Dictionary["ingest"] }) {
  const [result, action, pending] = useActionState(importCsvAction, {});
  const report = result.data?.ok ? result.data : undefined;
  // Checked here too, so a too-large file is refused without uploading it.
  const [localError, setLocalError] = useState<string>();
  const error = localError ?? (result.data && !result.data.ok ? result.data.error : errorOf(result));
  const errorId = "import-error";
  return (
    <>
      <form
        action={action}
        className="flex flex-col gap-4 rounded-card border border-surface-line bg-surface p-5 shadow-card"
        onSubmit={(e) => {
          const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          const problem = !file
            ? t.import.chooseFile
            : file.size > MAX_BYTES
              ? interpolate(t.import.errors.too_large, { max: "2 MB" })
              : undefined;
          setLocalError(problem);
          if (problem) e.preventDefault();
        }}
      >
        <label className="flex flex-col gap-1.5 text-sm font-medium">
          {t.import.file}
          <input
            name="file"
            type="file"
            accept=".csv,text/csv,text/plain"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={`import-help ${error ? errorId : ""}`}
            className="rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm font-normal file:mr-3 file:rounded file:border-0 file:bg-surface-sunken file:px-3 file:py-1"
          />
        </label>
        <div id="import-help" className="flex flex-wrap items-start gap-x-6 gap-y-2 text-sm text-ink-muted">
          <p className="max-w-xl">{interpolate(t.import.help, { maxRows: "10 000", maxSize: "2 MB" })}</p>
          <figure className="flex flex-col gap-1">
            <figcaption className="text-xs text-ink-faint">{t.import.example}</figcaption>
            <pre className="rounded bg-surface-sunken px-2 py-1 font-mono text-xs text-ink">
              {"msn,orderId\n212345,FS-100234\n212346,FS-100235"}
            </pre>
          </figure>
        </div>
        <p
          id={errorId}
          data-testid="import-error"
          role="alert"
          className={error ? "rounded-lg bg-bad-bg px-3 py-2 text-sm text-bad-fg" : "sr-only"}
        >
          {error}
        </p>
        <div>
          <button type="submit" disabled={pending} className={primaryButton}>
            {pending ? t.import.submitting : t.import.submit}
          </button>
        </div>
      </form>
      {report && !localError ? (
        <ImportReport key={report.fileName} rows={report.rows} counts={report.counts} t={t} />
      ) : null}
    </>
  );
}
