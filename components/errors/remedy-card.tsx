// One remedy as people read it (the dashboard's top errors, a single call in the request log).
import type { TopRemedy } from "@/lib/api-errors/dashboard-types";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";

/** A remedy: its title always, the cause, who acts, the next step and Vipps' docs on demand. */
export function Remedy({
  remedy,
  message,
  r,
  open = false,
}: {
  remedy: TopRemedy;
  message: string | null;
  r: Dictionary["remedies"];
  /** Unfolded at first (a single call's page); folded in a table. */
  open?: boolean;
}) {
  const text = (r.entries as Record<string, { title: string; cause: string; next: string }>)[remedy.id];
  if (!text) return null;
  return (
    <details data-testid="remedy" data-remedy={remedy.id} open={open} className="mt-1 max-w-md text-xs">
      <summary className="cursor-pointer font-medium text-brand-700">{text.title}</summary>
      <dl className="mt-2 grid gap-1.5 rounded-lg bg-surface-sunken p-3">
        {message ? <dd className="font-mono text-ink-muted">“{message}”</dd> : null}
        <dt className="font-semibold">{r.labels.cause}</dt>
        <dd>{text.cause}</dd>
        <dt className="font-semibold">{r.labels.who}</dt>
        <dd>{r.who[remedy.who]}</dd>
        <dt className="font-semibold">{r.labels.next}</dt>
        <dd>{text.next}</dd>
        {remedy.links.length ? (
          <>
            <dt className="font-semibold">{r.labels.docs}</dt>
            <dd className="flex flex-col gap-0.5">
              {remedy.links.map((l) => (
                <a key={l.url} href={l.url} target="_blank" rel="noreferrer" className="text-brand-700 underline">
                  {(r.docs as Record<string, string>)[l.key] ?? l.url}
                </a>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
