import type { Metadata } from "next";
import { CreateUnitForm } from "@/components/sales-units/create-unit-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t.salesUnitsAdmin.create.title };
}

export default async function NewSalesUnitPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "salesunits:manage", "/admin/sales-units/new");
  return (
    <>
      <PageHeader title={t.salesUnitsAdmin.create.title} description={t.salesUnitsAdmin.create.description} />
      <CreateUnitForm t={t.salesUnitsAdmin} s={t.salesUnits} />
    </>
  );
}
