import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";

export default async function SalesUnitsPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "salesunits:read", "/sales-units");
  const units = await listSalesUnits(actor);
  const s = t.salesUnits;
  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <Table
        testId="sales-units"
        head={[s.msn, s.name, s.environment, s.captureType, s.credentials]}
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
          </tr>
        ))}
      </Table>
    </>
  );
}
