"use client";
// The ten recovery codes, shown once (after enrolment or after making new ones): copy, download as
// a text file, and "I have saved them".
import { CopyButton } from "@/components/ui/copy-button";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";
import { primaryButton } from "@/components/ui/form";

export function RecoveryCodes({
  codes,
  email,
  t,
  onDone,
  lead,
}: {
  codes: string[];
  email: string;
  t: Dictionary["twoFactor"]["recovery"];
  onDone: () => void;
  /** A line above the codes (what just happened). */
  lead?: string;
}) {
  const text = `${interpolate(t.fileHeader, { email })}\n\n${codes.join("\n")}\n`;
  return (
    <section
      data-testid="recovery-codes"
      aria-labelledby="recovery-codes-title"
      className="flex flex-col gap-3 rounded-lg border border-warn-fg/30 bg-warn-bg px-4 py-4 text-sm"
    >
      {lead ? (
        <p role="status" className="rounded-lg bg-ok-bg px-3 py-2 font-medium text-ok-fg">
          {lead}
        </p>
      ) : null}
      <h3 id="recovery-codes-title" className="font-semibold text-warn-fg">
        {t.title}
      </h3>
      <p>{t.shownOnce}</p>
      <ol className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg bg-surface px-4 py-3 font-mono text-base sm:grid-cols-2">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton value={codes.join("\n")} label={t.copy} copied={t.copied} testId="copy-recovery-codes" />
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download={t.fileName}
          className="rounded-md border border-surface-line bg-surface px-2 py-0.5 text-xs font-semibold text-ink hover:bg-surface-sunken"
        >
          {t.download}
        </a>
        <button type="button" data-testid="recovery-codes-done" onClick={onDone} className={`ml-auto ${primaryButton}`}>
          {t.done}
        </button>
      </div>
    </section>
  );
}
