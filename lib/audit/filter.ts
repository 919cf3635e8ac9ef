// The audit trail's filters (/admin/audit and its CSV) as the URL holds them. Pure: the page and the
// export read the same parameters. A value that cannot be used is left out with a specific error for
// the form; the rest of the filter still applies.
import { parseTimeRange, timeRangeParams, type TimeRange, type TimeRangeError } from "@/lib/api-log/time-range";
import { firstParam, paramReader, type RawParams } from "@/lib/filter-params";
import { MSN_PATTERN } from "@/lib/ids";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditAction, type AuditOutcome } from "./index";

export interface AuditFilter {
  time: TimeRange;
  /** Part of the email of who acted (any case). */
  who?: string;
  action?: AuditAction;
  outcome?: AuditOutcome;
  msn?: string;
  orderId?: string;
}

/** The URL parameter of each filter field. */
export type AuditFilterField = "range" | "who" | "action" | "outcome" | "msn" | "order";
export type AuditFilterError =
  { field: "range"; error: TimeRangeError } | { field: Exclude<AuditFilterField, "range">; error: "invalid" };

// What the free fields may hold: the columns' sizes. An email part has no spaces or quotes.
const WHO = /^[^\s"'<>\\]{1,254}$/;
const ORDER = /^[A-Za-z0-9._-]{1,50}$/;

export function parseAuditParams(raw: RawParams, now: Date): { filter: AuditFilter; errors: AuditFilterError[] } {
  const errors: AuditFilterError[] = [];
  // The trail is kept for good: a custom range may start any time back (and spans 400 days at most).
  const { time, error } = parseTimeRange(
    { range: firstParam(raw.range), from: firstParam(raw.from), to: firstParam(raw.to) },
    now,
    "24h",
    { oldestDays: null },
  );
  if (error) errors.push({ field: "range", error });
  const read = paramReader<Exclude<AuditFilterField, "range">>(raw, (field) =>
    errors.push({ field, error: "invalid" }),
  );
  const filter: AuditFilter = { time };
  const who = read.text("who", WHO);
  const action = read.choice("action", AUDIT_ACTIONS);
  const outcome = read.choice("outcome", AUDIT_OUTCOMES);
  const msn = read.text("msn", MSN_PATTERN);
  const orderId = read.text("order", ORDER);
  if (who) filter.who = who;
  if (action) filter.action = action;
  if (outcome) filter.outcome = outcome;
  if (msn) filter.msn = msn;
  if (orderId) filter.orderId = orderId;
  return { filter, errors };
}

/** The filter as URL parameters (the inverse of parseAuditParams). */
export function auditParams(f: AuditFilter): Record<string, string> {
  const p: Record<string, string> = { ...timeRangeParams(f.time) };
  if (f.who) p.who = f.who;
  if (f.action) p.action = f.action;
  if (f.outcome) p.outcome = f.outcome;
  if (f.msn) p.msn = f.msn;
  if (f.orderId) p.order = f.orderId;
  return p;
}
