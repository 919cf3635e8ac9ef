export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse space-y-4">
      <div className="h-8 w-64 rounded bg-surface-line" />
      <div className="h-4 w-96 rounded bg-surface-line" />
      <div className="h-48 rounded-card bg-surface-line" />
    </div>
  );
}
