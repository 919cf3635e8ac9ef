import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";

/** /history: straight to the first of the actor's sales units (the page itself has the switcher). */
export default async function HistoryIndexPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "payments:read", "/history");
  const [first] = await listSalesUnits(actor);
  if (first) redirect(`/history/${encodeURIComponent(first.msn)}`);
  return (
    <>
      <PageHeader title={t.history.pickTitle} />
      <p className="text-sm text-ink-muted">{t.history.pickBody}</p>
    </>
  );
}
