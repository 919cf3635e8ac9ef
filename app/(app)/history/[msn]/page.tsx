import { redirect } from "next/navigation";

interface Props {
  params: Promise<{ msn: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The older per-sales-unit address: the same view with the sales unit as a filter. The filters come
 * along; a cursor does not (cursors are bound to the filter they were made under). The history page
 * checks the MSN against the reader's scope.
 */
export default async function HistoryUnitRedirect({ params, searchParams }: Props) {
  const [{ msn }, raw] = await Promise.all([params, searchParams]);
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (k === "msn" || k === "after" || k === "before" || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, one);
  }
  sp.set("msn", msn);
  redirect(`/history?${sp.toString()}`);
}
