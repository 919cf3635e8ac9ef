import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { UserForm } from "@/components/users/user-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.users.create.title };
}

export default async function NewUserPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "users:manage", "/admin/users/new");
  const units = await listSalesUnits(actor);
  return (
    <>
      <Link href="/admin/users" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t.users.back}
      </Link>
      <PageHeader title={t.users.create.title} description={t.users.create.description} />
      <Card>
        <UserForm
          units={units.map((u) => ({ msn: u.msn, name: u.name }))}
          t={t.users}
          roles={t.roles}
          locale={locale}
        />
      </Card>
    </>
  );
}
