import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { NewPartnerKeyForm, PartnerKeyActions } from "@/components/sales-units/partner-key-forms";
import { EnvironmentBadge } from "@/components/sales-units/unit-badges";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { loadPartnerKeys } from "@/lib/sales-units/admin-view";
import { ADMIN_UNITS_PATH, adminUnitPath } from "@/lib/sales-units/paths";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.salesUnitsAdmin.partnerKeys.title };
}

export default async function PartnerKeysPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "salesunits:manage", "/admin/sales-units/partner-keys");
  const keys = await loadPartnerKeys(await db(), actor);
  const a = t.salesUnitsAdmin;
  const p = a.partnerKeys;
  return (
    <>
      <PageHeader
        title={p.title}
        description={p.description}
        actions={
          <Link href={ADMIN_UNITS_PATH} className="text-sm font-medium text-brand-700 underline underline-offset-2">
            {p.back}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <Table
          testId="partner-keys"
          title={p.table}
          head={[p.columns.name, p.columns.environment, p.columns.set, p.columns.units, ""]}
          empty={keys.length === 0 ? p.empty : undefined}
        >
          {keys.map((k) => (
            <tr key={k.id}>
              <Td className="font-medium">{k.name}</Td>
              <Td>
                <EnvironmentBadge environment={k.environment} t={t.salesUnits} />
              </Td>
              <Td className="text-xs">
                {k.set.at
                  ? interpolate(k.set.by ? p.setBy : p.setNoStamp, {
                      date: formatDateTime(k.set.at, locale),
                      who: k.set.by ?? "",
                    })
                  : null}
              </Td>
              <Td className="text-xs">
                {k.units.length === 0 ? (
                  p.noUnits
                ) : (
                  <ul className="flex flex-col gap-0.5">
                    {k.units.map((u) => (
                      <li key={u.msn}>
                        <Link href={adminUnitPath(u.msn)} className="text-brand-700 underline-offset-2 hover:underline">
                          <span className="font-mono">{u.msn}</span> {u.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
              <Td>
                <PartnerKeyActions id={k.id} name={k.name} inUse={k.units.length > 0} t={a} />
              </Td>
            </tr>
          ))}
        </Table>
        <NewPartnerKeyForm t={a} s={t.salesUnits} />
      </div>
    </>
  );
}
