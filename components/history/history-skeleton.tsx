import type { HistoryText } from "./types";

/** Placeholder rows while the page of payments loads; same outline as the real table. */
export function ResultsSkeleton({ t }: { t: HistoryText }) {
  return (
    <div aria-busy="true" aria-label={t.loading} className="animate-pulse">
      <div className="mb-4 flex flex-wrap gap-2">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-7 w-24 rounded-full bg-surface-line" />
        ))}
      </div>
      <div className="mb-3 h-5 w-40 rounded bg-surface-line" />
      <div className="rounded-card border border-surface-line bg-surface p-4 shadow-card">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-surface-line py-3 last:border-b-0">
            <div className="h-4 w-28 rounded bg-surface-line" />
            <div className="h-4 w-20 rounded-full bg-surface-line" />
            <div className="ml-auto h-4 w-24 rounded bg-surface-line" />
            <div className="h-4 w-32 rounded bg-surface-line" />
          </div>
        ))}
      </div>
    </div>
  );
}
