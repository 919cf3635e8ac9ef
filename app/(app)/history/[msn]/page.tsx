import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { mayOpenMsn, requirePermission } from "@/lib/auth/guard";

interface Props {
  params: Promise<{ msn: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The older per-sales-unit address: the same view with the sales unit as a filter. The filters come
 * along; a cursor does not (cursors are bound to the filter they were made under). An MSN outside
 * the reader's scope is a 404 here, exactly like one that does not exist (and audited).
 */
export default async function HistoryUnitRedirect({ params, searchParams }: Props) {
  const [{ msn }, raw, actor] = await Promise.all([params, searchParams, requireActor()]);
  await requirePermission(actor, "payments:read", "/history/[msn]");
  if (!(await mayOpenMsn(actor, msn, "/history/[msn]"))) notFound();
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) {
    if (k === "msn" || k === "after" || k === "before" || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, one);
  }
  sp.set("msn", msn);
  redirect(`/history?${sp.toString()}`);
}
