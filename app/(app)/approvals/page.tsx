import { Link } from "@/components/ui/link";
import { ApprovalButtons } from "@/components/money/approval-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTime, formatOre } from "@/lib/format";
import { paymentHref } from "@/lib/ids";
import { getI18n } from "@/lib/i18n/server";
import { listAwaitingApproval } from "@/lib/money/panel";

export default async function ApprovalsPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "payments:money", "/approvals");
  const waiting = await listAwaitingApproval(await db(), actor);
  const a = t.approvals;
  return (
    <>
      <PageHeader title={a.title} description={a.description} />
      <Table
        testId="approvals"
        head={[
          a.columns.orderId,
          a.columns.salesUnit,
          a.columns.what,
          a.columns.amount,
          a.columns.by,
          a.columns.when,
          a.columns.decide,
        ]}
        empty={waiting.length === 0 ? a.empty : undefined}
      >
        {waiting.map((w) => (
          <tr key={w.id}>
            <Td className="font-mono">
              <Link
                href={paymentHref(w.msn, w.orderId, "/approvals")}
                className="font-medium text-brand-700 hover:underline"
              >
                {w.orderId}
              </Link>
            </Td>
            <Td className="font-mono">{w.msn}</Td>
            <Td>
              {t.money.kinds[w.kind]}
              {w.reason ? (
                <span className="block text-xs text-ink-muted">{t.money.dialog.reasons[w.reason]}</span>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{w.amount === null ? "—" : formatOre(w.amount)}</Td>
            <Td>{w.createdByName ?? "—"}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(w.createdAt, locale)}</Td>
            <Td>
              {w.createdById === actor.id ? (
                <span className="text-xs text-ink-muted">{a.yours}</span>
              ) : (
                <ApprovalButtons
                  operationId={w.id}
                  orderId={w.orderId}
                  t={t.money}
                  locale={locale}
                  stepUpT={t.twoFactor.stepUp}
                />
              )}
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
