import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

export function Brand({
  t,
  className = "",
  compact = false,
}: {
  t: Dictionary;
  className?: string;
  compact?: boolean;
}) {
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <span
        aria-hidden
        className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white"
      >
        M
      </span>
      <div>
        <p className="text-sm font-semibold leading-tight text-ink">{t.appName}</p>
        {compact ? null : <p className="text-xs leading-tight text-ink-faint">{t.tagline}</p>}
      </div>
    </div>
  );
}
