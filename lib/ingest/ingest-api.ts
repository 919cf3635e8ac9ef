// POST /api/v1/payments — the shop registers up to 1,000 (msn, orderId[, amount, createdAt]) per
// request with its API key, and gets one result per item. The envelope is checked whole first (a
// bad envelope or 1,001 items writes nothing); after that each item stands alone.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { DetailsClient } from "@/lib/payments/reconciler/reconciler";
import { admitKeyRequest, keyMayRegister, rateLimited } from "./api-keys";
import { parseJson, problem, readBody } from "./http";
import { problemTextEn, type Problem } from "./problems";
import { MSN_PATTERN, ORDER_ID_PATTERN } from "@/lib/ids";
import { countResults, ReadsLimited, registerPayments, type RegisterItem } from "./register";
import { audit } from "@/lib/audit";
import type { Limiter } from "@/lib/limits";

export const MAX_ITEMS = 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface IngestDeps {
  db: () => Promise<PrismaClient>;
  clientFor: (msn: string) => Promise<DetailsClient>;
  now?: () => Date;
  concurrency?: number;
  /** Per key: requests a minute, and GET /details reads a minute (lib/limits/app.ts in the app). */
  limits?: () => { requests: Limiter; reads: Limiter };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** One item of the request, checked on its own: a bad item is reported, the others go on. */
export function toRegisterItem(raw: unknown, index: number): RegisterItem {
  const item = (problem: Problem, msn = "", orderId = ""): RegisterItem => ({ ref: index, msn, orderId, problem });
  if (!isObject(raw)) return item({ code: "item_shape" });
  const msn = typeof raw.msn === "number" && Number.isInteger(raw.msn) ? String(raw.msn) : raw.msn;
  const orderId = raw.orderId;
  if (typeof msn !== "string" || typeof orderId !== "string")
    return item(
      { code: "item_shape" },
      typeof msn === "string" ? msn.slice(0, 20) : "",
      typeof orderId === "string" ? orderId.slice(0, 60) : "",
    );
  const shown = [msn.slice(0, 20), orderId.slice(0, 60)] as const;
  if (!MSN_PATTERN.test(msn)) return item({ code: "msn_format" }, ...shown);
  if (!ORDER_ID_PATTERN.test(orderId)) return item({ code: "order_id_format" }, ...shown);
  if (
    raw.amount !== undefined &&
    !(typeof raw.amount === "number" && Number.isSafeInteger(raw.amount) && raw.amount >= 0)
  )
    return item({ code: "amount_format" }, ...shown);
  if (
    raw.createdAt !== undefined &&
    !(typeof raw.createdAt === "string" && ISO_TIME.test(raw.createdAt) && !Number.isNaN(Date.parse(raw.createdAt)))
  ) {
    return item({ code: "created_at_format" }, ...shown);
  }
  return { ref: index, msn, orderId, amount: raw.amount as number | undefined };
}

const limited = (retryAfterSeconds: number, why: string) =>
  rateLimited(retryAfterSeconds, why, "Nothing was registered");

export function createIngestHandler(deps: IngestDeps) {
  return async function POST(request: Request): Promise<Response> {
    const db = await deps.db();
    const limits = deps.limits?.();
    const admitted = await admitKeyRequest(db, request, {
      requests: limits?.requests,
      now: deps.now?.(),
      nothing: "Nothing was registered",
    });
    if ("refused" in admitted) return admitted.refused;
    const { key } = admitted;
    const read = await readBody(request, MAX_BODY_BYTES);
    if (!read.ok) return problem(read.status, read.error, read.message);
    const json = parseJson(read.text);
    if (!json.ok) return problem(400, "invalid_json", "The body is not valid JSON.");
    if (!isObject(json.value) || !Array.isArray(json.value.payments)) {
      return problem(
        400,
        "invalid_body",
        'The body must be a JSON object with "payments": an array of {msn, orderId, amount?, createdAt?}.',
      );
    }
    const list: unknown[] = json.value.payments;
    if (list.length === 0) return problem(400, "no_payments", '"payments" is empty: send 1 to 1000 items.');
    if (list.length > MAX_ITEMS) {
      return problem(
        400,
        "too_many_payments",
        `"payments" has ${list.length} items; at most ${MAX_ITEMS} per request. Nothing was registered: split the batch.`,
      );
    }

    const items = list.map(toRegisterItem);
    const reads = limits?.reads;
    let results;
    try {
      results = await registerPayments(
        {
          db,
          clientFor: deps.clientFor,
          mayRegister: (msn) => keyMayRegister(key, msn),
          concurrency: deps.concurrency,
          now: deps.now,
          refKind: "item",
          ...(reads
            ? { allowReads: (count: number) => reads.consume(key.id, count, { giveBackOnRefusal: true }) }
            : {}),
        },
        items,
      );
    } catch (err) {
      if (err instanceof ReadsLimited) {
        return limited(
          err.retryAfterSeconds,
          `this batch needs more Vipps reads than the key has left this minute (at most ${reads?.rule.points} a minute)`,
        );
      }
      throw err;
    }
    const summary = countResults(results);
    await audit(db, {
      action: "ingest_api",
      outcome: "success",
      details: { keyId: key.id, keyName: key.name, items: results.length, ...summary },
    });
    return Response.json({
      results: results.map((r) => ({
        index: r.ref,
        msn: r.msn,
        orderId: r.orderId,
        status: r.status,
        ...(r.problem ? { error: problemTextEn(r.problem) } : {}),
        ...(r.warning ? { warning: problemTextEn(r.warning) } : {}),
      })),
      summary,
    });
  };
}
