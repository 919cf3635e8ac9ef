// CSV of the audit trail's filtered rows (admins), streamed batch by batch (at most
// MAX_AUDIT_EXPORT_ROWS). Same filters as /admin/audit; a filter the page would leave out is refused
// here. The download is itself audited.
import type { NextRequest } from "next/server";
import { auditCsvHeaderLine, auditCsvRow } from "@/lib/audit/csv";
import { parseAuditParams } from "@/lib/audit/filter";
import { iterateAudit } from "@/lib/audit/query";
import { filteredCsvExport } from "@/lib/csv-export";
import { osloDate } from "@/lib/payments/history/dates";

export function GET(request: NextRequest) {
  return filteredCsvExport(request, {
    permission: "users:manage",
    name: "audit-export",
    forbiddenMessage: "Your role may not read the audit trail.",
    parse: parseAuditParams,
    action: "audit_exported",
    rows: iterateAudit,
    header: auditCsvHeaderLine(),
    line: auditCsvRow,
    filename: (now) => `audit-${osloDate(now)}.csv`,
  });
}
