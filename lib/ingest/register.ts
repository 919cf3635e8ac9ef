// Registering payments the shop (ingest API) or a user (CSV upload) tells us about: for each
// (MSN, orderId) not yet known, GET /details through the sales unit's client and store it with
// syncDetails. Each item is written whole or not at all; items are independent of each other.
import "server-only";
import { forEachLimit } from "@/lib/concurrency";
import type { LimitDecision } from "@/lib/limits";
import type { PrismaClient } from "@/generated/prisma/client";
import { isEcomError } from "@/lib/ecom";
import { isAppError } from "@/lib/errors";
import type { DetailsClient } from "@/lib/payments/reconciler/reconciler";
import { syncDetails } from "@/lib/payments/sync/sync";
import { type Problem, type RegisterStatus } from "./problems";
import { MSN_PATTERN, ORDER_ID_PATTERN } from "@/lib/ids";

export interface RegisterItem {
  /** Position in the request (API: index; CSV: row number), echoed in the result. */
  ref: number;
  msn: string;
  orderId: string;
  /** The shop's idea of the amount (øre); Vipps' value is stored, a difference is reported. */
  amount?: number;
  /** Already found invalid while parsing: reported as is, nothing is asked. */
  problem?: Problem;
}

export interface RegisterResult {
  ref: number;
  msn: string;
  orderId: string;
  status: RegisterStatus;
  problem?: Problem;
  /** Registered, but something differs from what the shop said. */
  warning?: Problem;
}

export interface RegisterDeps {
  db: PrismaClient;
  clientFor: (msn: string) => Promise<DetailsClient>;
  /** Whether the caller (an API key, a user) may register payments for this MSN. */
  mayRegister: (msn: string) => boolean;
  concurrency?: number;
  now?: () => Date;
  /** How a repeated payment in the same request is reported: "row" (CSV) or "item" (API). */
  refKind?: "row" | "item";
  /** Asked before any GET /details with how many reads the batch needs; a refusal stops the batch. */
  allowReads?: (count: number) => Promise<LimitDecision>;
}

/** The caller's allowance of /details reads is spent: nothing was read or written. */
export class ReadsLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`details reads limited; retry after ${retryAfterSeconds} s`);
    this.name = "ReadsLimited";
  }
}

function failure(err: unknown, item: RegisterItem): Pick<RegisterResult, "status" | "problem"> {
  if (isEcomError(err) && err.httpStatus === 404)
    return {
      status: "not_found_at_vipps",
      problem: { code: "not_found_at_vipps", params: { msn: item.msn, orderId: item.orderId } },
    };
  if (isAppError(err) && err.code === "conflict")
    return { status: "failed", problem: { code: "no_credentials", params: { msn: item.msn } } };
  if (isAppError(err) && err.code === "not_found")
    return { status: "invalid", problem: { code: "msn_not_allowed", params: { msn: item.msn } } };
  const reason = isEcomError(err)
    ? [err.kind, err.httpStatus, err.errorCode].filter(Boolean).join(" ")
    : "internal error";
  return { status: "failed", problem: { code: "vipps_failed", params: { reason } } };
}

export async function registerPayments(deps: RegisterDeps, items: readonly RegisterItem[]): Promise<RegisterResult[]> {
  const duplicate = deps.refKind === "row" ? "duplicate_row" : "duplicate_item";
  const results = new Map<number, RegisterResult>();
  const put = (item: RegisterItem, r: Omit<RegisterResult, "ref" | "msn" | "orderId">) =>
    results.set(item.ref, { ref: item.ref, msn: item.msn, orderId: item.orderId, ...r });

  // Which sales units exist and are active: an MSN outside the caller's scope and one that does not
  // exist get the same answer, so a key cannot probe for sales units.
  const candidateMsns = [
    ...new Set(items.filter((i) => !i.problem && MSN_PATTERN.test(i.msn) && deps.mayRegister(i.msn)).map((i) => i.msn)),
  ];
  const units = new Set(
    (
      await deps.db.salesUnit.findMany({ where: { msn: { in: candidateMsns }, active: true }, select: { msn: true } })
    ).map((u) => u.msn),
  );

  const firstOf = new Map<string, RegisterItem>();
  const todo: RegisterItem[] = [];
  for (const item of items) {
    if (item.problem) put(item, { status: "invalid", problem: item.problem });
    else if (!MSN_PATTERN.test(item.msn)) put(item, { status: "invalid", problem: { code: "msn_format" } });
    else if (!ORDER_ID_PATTERN.test(item.orderId))
      put(item, { status: "invalid", problem: { code: "order_id_format" } });
    else if (!units.has(item.msn))
      put(item, { status: "invalid", problem: { code: "msn_not_allowed", params: { msn: item.msn } } });
    else {
      const key = `${item.msn}/${item.orderId}`;
      const first = firstOf.get(key);
      if (first) put(item, { status: "already_known", problem: { code: duplicate, params: { other: first.ref } } });
      else {
        firstOf.set(key, item);
        todo.push(item);
      }
    }
  }

  const known = new Set<string>();
  for (const msn of new Set(todo.map((i) => i.msn))) {
    const orderIds = todo.filter((i) => i.msn === msn).map((i) => i.orderId);
    const rows = await deps.db.payment.findMany({
      where: { msn, orderId: { in: orderIds } },
      select: { orderId: true },
    });
    for (const r of rows) known.add(`${msn}/${r.orderId}`);
  }

  const clients = new Map<string, Promise<DetailsClient>>();
  const clientFor = (msn: string) => {
    if (!clients.has(msn)) clients.set(msn, deps.clientFor(msn));
    return clients.get(msn)!;
  };
  const fetchable = todo.filter((i) => {
    if (!known.has(`${i.msn}/${i.orderId}`)) return true;
    // Known already: the reconciler keeps it fresh, and a repeated batch costs Vipps nothing.
    put(i, { status: "already_known" });
    return false;
  });
  if (deps.allowReads && fetchable.length > 0) {
    const allowed = await deps.allowReads(fetchable.length);
    if (!allowed.ok) throw new ReadsLimited(allowed.retryAfterSeconds);
  }
  await forEachLimit(fetchable, deps.concurrency ?? 8, async (item) => {
    try {
      const details = await (await clientFor(item.msn)).getPaymentDetails(item.orderId);
      const synced = await syncDetails(deps.db, item.msn, details, { now: deps.now?.() });
      const amount = details.transactionLogHistory.find((e) => e.operation === "INITIATE")?.amount;
      const warning: Problem | undefined =
        item.amount !== undefined && amount !== undefined && amount !== item.amount
          ? { code: "amount_mismatch", params: { vipps: amount, given: item.amount } }
          : undefined;
      put(item, { status: synced.created ? "registered" : "already_known", ...(warning ? { warning } : {}) });
    } catch (err) {
      put(item, failure(err, item));
    }
  });
  return items.map((i) => results.get(i.ref)!);
}

/** Counts per status, for summaries and the audit log. */
export function countResults(results: readonly RegisterResult[]): Record<RegisterStatus, number> {
  const counts: Record<RegisterStatus, number> = {
    registered: 0,
    already_known: 0,
    not_found_at_vipps: 0,
    invalid: 0,
    failed: 0,
  };
  for (const r of results) counts[r.status]++;
  return counts;
}
