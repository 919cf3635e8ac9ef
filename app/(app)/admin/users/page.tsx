import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { primaryButton } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import type { Dictionary } from "@/lib/i18n/dictionaries/nb";
import { getI18n } from "@/lib/i18n/server";
import { listUsers, type UserRow } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getI18n()).t.users.title };
}

function StatusBadge({ user, t }: { user: UserRow; t: Dictionary["users"] }) {
  if (!user.active) return <Badge tone="warn">{t.inactive}</Badge>;
  if (user.invited) return <Badge tone="info">{t.invited}</Badge>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone="ok">{t.active}</Badge>
      {user.totpEnabledAt ? <Badge tone="info">{t.twoFactorOn}</Badge> : null}
    </span>
  );
}

export default async function UsersPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "users:manage", "/admin/users");
  const users = await listUsers(actor);
  const u = t.users;
  const units = (user: UserRow) =>
    user.role === "admin"
      ? u.all
      : user.salesUnits.length === 0
        ? u.none
        : user.salesUnits.map((s) => s.name).join(", ");
  const lastSignIn = (user: UserRow) => (user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : u.never);
  return (
    <>
      <PageHeader
        title={u.title}
        description={u.description}
        actions={
          <Link href="/admin/users/new" className={primaryButton} data-testid="new-user">
            {u.newUser}
          </Link>
        }
      />
      <Table
        testId="users"
        className="hidden md:block"
        head={[
          u.name,
          u.email,
          u.role,
          u.salesUnits,
          u.status,
          u.lastSignIn,
          <span key="e" className="sr-only">
            {u.edit}
          </span>,
        ]}
      >
        {users.map((user) => (
          <tr key={user.id} data-testid={`user-${user.email}`}>
            <Td className="font-medium">{user.name}</Td>
            <Td>{user.email}</Td>
            <Td>
              <Badge tone="brand">{t.roles[user.role]}</Badge>
            </Td>
            <Td>{units(user)}</Td>
            <Td>
              <StatusBadge user={user} t={u} />
            </Td>
            <Td className="whitespace-nowrap text-ink-muted">{lastSignIn(user)}</Td>
            <Td>
              <Link href={`/admin/users/${user.id}`} className="font-medium text-brand-700 hover:underline">
                {u.edit}
                <span className="sr-only"> {user.name}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </Table>
      <ul className="flex flex-col gap-2 md:hidden" data-testid="users-cards">
        {users.map((user) => (
          <li key={user.id}>
            <Link
              href={`/admin/users/${user.id}`}
              className="flex flex-col gap-1 rounded-card border border-surface-line bg-surface p-3 text-sm shadow-card"
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-medium">{user.name}</span>
                <StatusBadge user={user} t={u} />
              </span>
              <span className="truncate text-ink-muted">{user.email}</span>
              <span className="flex flex-wrap items-center gap-2 text-xs">
                <Badge tone="brand">{t.roles[user.role]}</Badge>
                <span className="text-ink-muted">{units(user)}</span>
              </span>
              <span className="text-xs text-ink-muted">
                {u.lastSignIn}: {lastSignIn(user)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
