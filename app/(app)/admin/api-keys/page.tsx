import { CreateKeyForm } from "@/components/ingest/create-key-form";
import { RevokeKeyButton } from "@/components/ingest/revoke-key-button";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { listApiKeys } from "@/lib/ingest/api-keys";
import { interpolate } from "@/lib/i18n/locales";
import { getI18n } from "@/lib/i18n/server";
import { listSalesUnits } from "@/lib/sales-units/queries";

export default async function ApiKeysPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "users:manage", "/admin/api-keys");
  const [keys, units] = await Promise.all([listApiKeys(await db(), actor), listSalesUnits(actor)]);
  const k = t.ingest.apiKeys;
  const names = new Map(units.map((u) => [u.msn, u.name]));
  return (
    <>
      <PageHeader title={k.title} description={k.description} />
      <div className="flex flex-col gap-6">
        <CreateKeyForm t={k} stepUpT={t.twoFactor.stepUp} units={units.map((u) => ({ msn: u.msn, name: u.name }))} />
        <Table
          testId="api-keys"
          head={[
            k.columns.name,
            k.columns.key,
            k.columns.scope,
            k.columns.created,
            k.columns.lastUsed,
            k.columns.status,
            "",
          ]}
          empty={keys.length === 0 ? k.empty : undefined}
        >
          {keys.map((key) => (
            <tr key={key.id} data-revoked={key.revokedAt ? "true" : "false"}>
              <Td className="font-medium">{key.name}</Td>
              <Td className="font-mono text-xs">{key.prefix}…</Td>
              <Td>
                {key.allSalesUnits
                  ? k.all
                  : key.msns.map((m) => `${m}${names.has(m) ? ` ${names.get(m)}` : ""}`).join(", ")}
              </Td>
              <Td>{formatDateTime(key.createdAt, locale)}</Td>
              <Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : k.never}</Td>
              <Td>
                {key.revokedAt ? (
                  <Badge tone="neutral">
                    {interpolate(k.revoked, { when: formatDateTime(key.revokedAt, locale) })}
                  </Badge>
                ) : (
                  <Badge tone="ok">{k.active}</Badge>
                )}
              </Td>
              <Td>
                {key.revokedAt ? null : (
                  <RevokeKeyButton id={key.id} name={key.name} t={k} stepUpT={t.twoFactor.stepUp} />
                )}
              </Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
