import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { formatOre } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { ADMIN_UNITS_PATH } from "@/lib/sales-units/paths";
import { listSalesUnits } from "@/lib/sales-units/queries";

export default async function SalesUnitsPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "salesunits:read", "/sales-units");
  // Admins manage sales units on their own page; this read-only list is for everyone else.
  if (can(actor, "salesunits:manage")) redirect(ADMIN_UNITS_PATH);
  const units = await listSalesUnits(actor);
  const s = t.salesUnits;
  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <Table
        testId="sales-units"
        head={[s.msn, s.name, s.environment, s.captureType, s.credentials, s.approvals]}
        empty={units.length === 0 ? s.empty : undefined}
      >
        {units.map((u) => (
          <tr key={u.msn}>
            <Td className="font-mono">{u.msn}</Td>
            <Td className="font-medium">{u.name}</Td>
            <Td>
              <Badge tone={u.environment === "production" ? "brand" : "info"}>{s.environments[u.environment]}</Badge>
            </Td>
            <Td>{s.captureTypes[u.captureType]}</Td>
            <Td>
              {u.hasCredentials ? <Badge tone="ok">{s.configured}</Badge> : <Badge tone="warn">{s.missing}</Badge>}
            </Td>
            <Td>
              <span className="text-xs">
                {[
                  u.approvalThresholdOre === null
                    ? s.approvalNone
                    : interpolate(s.approvalOver, { amount: formatOre(u.approvalThresholdOre) }),
                  u.releaseNeedsApproval ? s.approvalRelease : null,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </span>
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
