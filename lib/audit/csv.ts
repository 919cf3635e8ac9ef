// The audit trail as CSV (RFC 4180, the same field rules as the other exports): one line per row,
// times in UTC and Oslo time, `details` as its JSON.
import { csvField, csvLine } from "@/lib/payments/history/csv";
import { osloDateTime } from "@/lib/payments/history/dates";
import type { AuditRow } from "./query";

export const AUDIT_CSV_HEADER = [
  "id",
  "at_utc",
  "at_oslo",
  "user_id",
  "user_email",
  "action",
  "outcome",
  "msn",
  "order_id",
  "details",
] as const;

export const auditCsvHeaderLine = () => csvLine([...AUDIT_CSV_HEADER]);

export function auditCsvRow(r: AuditRow): string {
  return csvLine([
    r.id.toString(),
    r.at.toISOString(),
    osloDateTime(r.at),
    csvField(r.userId),
    csvField(r.userEmail, { text: true }),
    r.action,
    r.outcome,
    csvField(r.msn),
    csvField(r.orderId, { text: true }),
    csvField(r.details === null ? null : JSON.stringify(r.details), { text: true }),
  ]);
}
