/** Placeholder rows while the page of payments loads; same outline as the real table. */
export function ResultsSkeleton({ label }: { label?: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="animate-pulse">
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

/** The whole page while the route loads (header, filters, table). */
export function HistorySkeleton({ label }: { label?: string }) {
  return (
    <div aria-busy="true" className="animate-pulse">
      <div className="mb-6 space-y-2">
        <div className="h-8 w-72 rounded bg-surface-line" />
        <div className="h-4 w-48 rounded bg-surface-line" />
      </div>
      <div className="mb-4 h-20 rounded-card bg-surface-line" />
      <ResultsSkeleton label={label} />
    </div>
  );
}
