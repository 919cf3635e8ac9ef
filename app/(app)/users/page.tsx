import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { getI18n } from "@/lib/i18n/server";
import { listUsers } from "@/lib/users/queries";

export default async function UsersPage() {
  const [actor, { t }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "users:manage", "/users");
  const users = await listUsers(actor);
  const u = t.users;
  return (
    <>
      <PageHeader title={u.title} description={u.description} />
      <Table testId="users" head={[u.name, u.email, u.role, u.salesUnits]}>
        {users.map((user) => (
          <tr key={user.id}>
            <Td className="font-medium">
              {user.name} {user.active ? null : <Badge tone="warn">{u.inactive}</Badge>}
            </Td>
            <Td>{user.email}</Td>
            <Td>
              <Badge tone="brand">{t.roles[user.role]}</Badge>
            </Td>
            <Td>
              {user.role === "admin"
                ? u.all
                : user.salesUnits.length === 0
                  ? u.none
                  : user.salesUnits.map((s) => s.salesUnit.name).join(", ")}
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
