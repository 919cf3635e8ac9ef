// The audit trail: one writer with a closed set of actions and outcomes, so every row can be
// filtered and read the same way. Who (a user, an API key, or nobody for Vipps' callbacks), what,
// which payment, with what outcome; `details` carries codes and numbers, never secrets or sentences.
// Append-only and hash-chained by the database (ARCHITECTURE.md "Audit"; checked by chain.ts).
import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

export const AUDIT_ACTIONS = [
  // Signing in and out
  "sign_in",
  "sign_out",
  "sign_out_everywhere",
  "session_ended",
  // Two-factor sign-in (lib/auth/two-factor/): a wrong code (sign-in, step-up, account page) is two_factor_failed
  "two_factor_enrolled",
  "two_factor_disabled",
  "recovery_codes_regenerated",
  "two_factor_failed",
  // Reading
  "payment_viewed",
  "history_exported",
  "api_log_exported",
  "audit_exported",
  // Payments
  "payment_refreshed",
  "lookup_at_vipps",
  // Moving money (lib/money): asked, refused before sending, and each outcome
  "money_requested",
  "money_refused",
  "money_succeeded",
  "money_failed",
  "money_unknown",
  "money_approval_requested",
  "money_approved",
  "money_rejected",
  "money_batch_requested",
  "money_batch_finished",
  // Payments becoming known
  "csv_imported",
  "ingest_api",
  "callback_refused",
  "callback_throttled",
  "callback_unverified",
  "callback_hint_expired",
  // Administration
  "sales_unit_updated",
  "api_key_created",
  "api_key_revoked",
  "spike_webhook_updated",
  "spike_webhook_tested",
  // People (lib/users)
  "user_created",
  "user_updated",
  "user_deactivated",
  "user_reactivated",
  "password_link_created",
  "password_set",
  "password_changed",
  // Sales units (/admin/sales-units): details name the source and outcome, never a key or token
  "sales_unit_created",
  "sales_unit_keys_set",
  "sales_unit_deactivated",
  "sales_unit_reactivated",
  "sales_unit_connection_tested",
  "partner_key_created",
  "partner_key_rotated",
  "partner_key_deleted",
  "callback_token_set",
  // Any action the pipeline refused before it ran (permission, input)
  "action_refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = [
  "success",
  "failed",
  "refused",
  "locked",
  "throttled",
  "found",
  "not_found",
  "error",
] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who acted: a signed-in user, or only an email (a sign-in attempt), or nobody (Vipps, a shop key). */
export interface AuditWho {
  id?: string | null;
  email?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  who?: AuditWho | null;
  msn?: string | null;
  orderId?: string | null;
  details?: Prisma.InputJsonObject;
  at?: Date;
}

type AuditDb = Pick<PrismaClient, "auditLog"> | Prisma.TransactionClient;

export function auditRow(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    action: entry.action,
    outcome: entry.outcome,
    userId: entry.who?.id ?? null,
    userEmail: entry.who?.email ?? null,
    msn: entry.msn ?? null,
    orderId: entry.orderId ?? null,
    ...(entry.details ? { details: entry.details } : {}),
    ...(entry.at ? { at: entry.at } : {}),
  };
}

/**
 * Writes one audit row (inside the caller's transaction when given one). The database links it into
 * the hash chain under a lock held until the transaction ends: in a transaction, audit last.
 */
export async function audit(db: AuditDb, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: auditRow(entry) });
}

/**
 * The same row as audit(), as one INSERT to put in a data-modifying CTE beside the writes it records
 * (one statement, one round trip, atomic without a transaction); `when` makes it conditional, e.g.
 * on an UPDATE … RETURNING in the same statement having matched a row.
 */
export function auditInsertSql(entry: AuditEntry, when?: Prisma.Sql): Prisma.Sql {
  const r = auditRow(entry);
  const details = entry.details ? JSON.stringify(entry.details) : null;
  return Prisma.sql`INSERT INTO "AuditLog" ("at", "userId", "userEmail", "action", "outcome", "msn", "orderId", "details")
    SELECT ${entry.at ?? new Date()}::timestamptz, ${r.userId}::uuid, ${r.userEmail}, ${r.action}, ${r.outcome},
      ${r.msn}, ${r.orderId}, ${details}::jsonb
    ${when ? Prisma.sql`WHERE ${when}` : Prisma.empty}`;
}
