import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { listRecentCalls } from "@/lib/api-log/queries";
import { requireActor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { getI18n } from "@/lib/i18n/server";

export default async function ApiLogPage() {
  const [actor, { t, locale }] = await Promise.all([requireActor(), getI18n()]);
  await requirePermission(actor, "apilog:read", "/api-log");
  const calls = await listRecentCalls(actor);
  const a = t.apiLog;
  return (
    <>
      <PageHeader title={a.title} description={a.description} />
      <Table
        testId="api-log"
        head={[a.time, "MSN", a.operation, a.status, a.error, a.duration]}
        empty={calls.length === 0 ? a.empty : undefined}
      >
        {calls.map((c) => (
          <tr key={c.id.toString()}>
            <Td className="whitespace-nowrap">{formatDateTime(c.at, locale)}</Td>
            <Td className="font-mono">{c.msn ?? "—"}</Td>
            <Td>
              <span className="font-medium">{c.operation}</span>
              <span className="block font-mono text-xs text-ink-faint">
                {c.method} {c.path}
              </span>
            </Td>
            <Td>
              <Badge tone={c.httpStatus && c.httpStatus < 400 ? "ok" : "bad"}>
                {c.httpStatus ?? c.networkError ?? "—"}
              </Badge>
            </Td>
            <Td className="max-w-md">
              {c.errorCode ? `${c.errorGroup ?? ""} ${c.errorCode}: ${c.errorMessage ?? ""}` : "—"}
            </Td>
            <Td className="tabular-nums">{c.durationMs} ms</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
