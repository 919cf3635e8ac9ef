import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { UserAccess } from "@/components/users/user-access";
import { UserForm } from "@/components/users/user-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { formatDate } from "@/lib/format";
import { UUID_PATTERN } from "@/lib/ids";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";
import { getUser, isLastAdmin } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.users.title };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const [actor, { t, locale }, { id }] = await Promise.all([requireActor(), getI18n(), params]);
  await requirePermission(actor, "users:manage", "/admin/users/[id]");
  if (!UUID_PATTERN.test(id)) notFound();
  const [user, units, lastAdmin] = await Promise.all([getUser(actor, id), listSalesUnits(actor), isLastAdmin(id)]);
  if (!user) notFound();
  const u = t.users;
  return (
    <>
      <Link href="/admin/users" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {u.back}
      </Link>
      <PageHeader
        title={interpolate(u.editPage.title, { name: user.name })}
        description={`${user.email} · ${interpolate(u.editPage.created, { date: formatDate(user.createdAt, locale) })}`}
        actions={
          !user.active ? (
            <Badge tone="warn">{u.inactive}</Badge>
          ) : user.invited ? (
            <Badge tone="info">{u.invited}</Badge>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title={u.editPage.rights}>
          <UserForm
            user={{
              id: user.id,
              name: user.name,
              email: user.email,
              role: user.role,
              msns: user.salesUnits.map((s) => s.msn),
              canViewPayments: user.canViewPayments,
            }}
            units={units.map((s) => ({ msn: s.msn, name: s.name }))}
            lastAdmin={lastAdmin}
            t={u}
            roles={t.roles}
            locale={locale}
          />
        </Card>
        <Card title={u.editPage.access}>
          <UserAccess user={user} self={user.id === actor.id} lastAdmin={lastAdmin} t={u} locale={locale} />
        </Card>
      </div>
    </>
  );
}
