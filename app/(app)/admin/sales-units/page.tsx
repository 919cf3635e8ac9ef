import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActiveBadge, EnvironmentBadge, KeysBadge } from "@/components/sales-units/unit-badges";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { loadAdminUnits } from "@/lib/sales-units/admin-view";
import { adminUnitPath, NEW_UNIT_PATH, PARTNER_KEYS_PATH } from "@/lib/sales-units/paths";
import { primaryButton } from "@/components/ui/form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.salesUnitsAdmin.list.title };
}

const primary = primaryButton;
const secondary =
  "rounded-lg border border-surface-line bg-surface px-4 py-2 text-sm font-semibold text-ink hover:bg-surface-sunken focus-visible:outline-2 focus-visible:outline-brand-500";

export default async function AdminSalesUnitsPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "salesunits:manage", "/admin/sales-units");
  const units = await loadAdminUnits(await db(), actor);
  const a = t.salesUnitsAdmin;
  const s = t.salesUnits;
  return (
    <>
      <PageHeader
        title={a.list.title}
        description={a.list.description}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={PARTNER_KEYS_PATH} className={secondary}>
              {a.list.partnerKeys}
            </Link>
            <Link href={NEW_UNIT_PATH} className={primary}>
              {a.list.add}
            </Link>
          </div>
        }
      />
      {/* At phone width: one card per unit, its name linking to its page. */}
      <ul className="flex flex-col gap-2 md:hidden" data-testid="sales-unit-cards">
        {units.map((u) => (
          <li key={u.msn} className="rounded-card border border-surface-line bg-surface p-3 shadow-card">
            <Link
              href={adminUnitPath(u.msn)}
              aria-label={interpolate(a.list.open, { name: `${u.name} (${u.msn})` })}
              className="flex flex-col gap-1.5"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="font-medium text-brand-700">{u.name}</span>
                <span className="font-mono text-xs text-ink-muted">{u.msn}</span>
              </span>
              <span className="flex flex-wrap gap-1.5">
                <EnvironmentBadge environment={u.environment} t={s} />
                <KeysBadge keys={u.keys} partnerKeyName={u.partnerKeyName} t={a} />
                <ActiveBadge active={u.active} t={a} />
              </span>
            </Link>
          </li>
        ))}
        {units.length === 0 ? <li className="py-6 text-center text-sm text-ink-muted">{a.list.empty}</li> : null}
      </ul>
      <Table
        className="hidden md:block"
        testId="sales-units"
        head={[
          a.list.columns.msn,
          a.list.columns.name,
          a.list.columns.environment,
          a.list.columns.captureType,
          a.list.columns.keys,
          a.list.columns.status,
        ]}
        empty={units.length === 0 ? a.list.empty : undefined}
      >
        {units.map((u) => (
          <tr key={u.msn} data-testid={`sales-unit-${u.msn}`} className="hover:bg-surface-sunken">
            <Td className="font-mono">{u.msn}</Td>
            <Td>
              <Link
                href={adminUnitPath(u.msn)}
                className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
              >
                {u.name}
              </Link>
            </Td>
            <Td>
              <EnvironmentBadge environment={u.environment} t={s} />
            </Td>
            <Td>{s.captureTypes[u.captureType]}</Td>
            <Td>
              <KeysBadge keys={u.keys} partnerKeyName={u.partnerKeyName} t={a} />
            </Td>
            <Td>
              <ActiveBadge active={u.active} t={a} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
