// The request log as CSV (RFC 4180, the same field rules as the history export): one row per call,
// times in UTC and Oslo time, no bodies (open a call for those).
import { csvField, csvLine } from "@/lib/payments/history/csv";
import { osloDateTime } from "@/lib/payments/history/dates";
import type { LogRow } from "./log-query";

export const LOG_CSV_HEADER = [
  "at_utc",
  "at_oslo",
  "source",
  "msn",
  "environment",
  "operation",
  "method",
  "path",
  "order_id",
  "http_status",
  "error_group",
  "error_code",
  "error_message",
  "network_error",
  "context_id",
  "request_id",
  "duration_ms",
  "attempt",
] as const;

export const logCsvHeaderLine = () => csvLine([...LOG_CSV_HEADER]);

export function logCsvRow(r: LogRow): string {
  return csvLine([
    r.at.toISOString(),
    osloDateTime(r.at),
    r.source,
    csvField(r.msn),
    r.environment,
    csvField(r.operation, { text: true }),
    r.method,
    csvField(r.path, { text: true }),
    csvField(r.orderId, { text: true }),
    csvField(r.httpStatus),
    csvField(r.errorGroup, { text: true }),
    csvField(r.errorCode, { text: true }),
    csvField(r.errorMessage, { text: true }),
    csvField(r.networkError, { text: true }),
    csvField(r.contextId, { text: true }),
    csvField(r.requestId, { text: true }),
    String(r.durationMs),
    String(r.attempt),
  ]);
}
