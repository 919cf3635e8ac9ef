// POST /api/v1/api-calls — the shop sends the outcomes of its own Vipps calls (Vipps keeps no logs a
// merchant can read), with the same per-integration API key as POST /api/v1/payments, scoped to its
// sales units. 1–1,000 records per request; the envelope is checked whole first (a bad envelope,
// 1,001 records or an oversized body writes nothing), then each record stands alone with its own
// result. Bodies are masked on arrival with the app's own masking and capped; records are written
// with their per-minute rollups (lib/api-log/rollups.ts), so the dashboard counts them at once.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/audit";
import { env } from "@/lib/env";
import { ORDER_ID_PATTERN, MSN_PATTERN } from "@/lib/ids";
import { admitKeyRequest, keyMayRegister } from "@/lib/ingest/api-keys";
import { parseJson, problem, readBody } from "@/lib/ingest/http";
import type { Limiter } from "@/lib/limits";
import { maskJson, maskRawBody, type MaskedJson } from "./mask";
import { writeCalls } from "./rollups";
import type { ApiCallRecord } from "./types";
import { toRow } from "./writer";

export const MAX_RECORDS = 1000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** A record's body (request or response) is kept up to this many characters after masking. */
const MAX_RECORD_BODY_CHARS = 16_000;
const FUTURE_SLACK_MS = 5 * 60_000;

const OPERATIONS = ["accessToken", "initiate", "details", "capture", "cancel", "refund", "status", "approve"] as const;

/** The operation a Vipps path names (templated the way our own client logs it). */
export function operationOfPath(method: string, path: string): { operation: string; template: string } | null {
  const p = path.split("?")[0]!.replace(/\/+$/, "");
  if (/^\/accesstoken\/get$/i.test(p)) return { operation: "accessToken", template: "/accesstoken/get" };
  if (/^\/ecomm\/v2\/payments$/i.test(p) && method === "POST")
    return { operation: "initiate", template: "/ecomm/v2/payments" };
  const m = /^\/ecomm\/v2\/(integration-test\/)?payments\/[^/]+\/(details|capture|cancel|refund|status|approve)$/i.exec(
    p,
  );
  if (!m) return null;
  const op = m[2]!.toLowerCase();
  return { operation: op, template: `/ecomm/v2/${m[1] ?? ""}payments/{orderId}/${op}` };
}

const text = (max: number) => z.string().max(max, { error: `at most ${max} characters` });

const recordSchema = z
  .object({
    at: z.iso.datetime({ offset: true, error: "an ISO 8601 time with a zone, e.g. 2026-11-30T12:00:00Z" }),
    msn: z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(MSN_PATTERN, "5–7 digits")),
    environment: z.enum(["test", "production"], { error: 'one of "test", "production"' }),
    method: z.enum(["GET", "POST", "PUT"], { error: 'one of "GET", "POST", "PUT"' }),
    path: text(200).startsWith("/", { error: "a path starting with /" }).optional(),
    operation: z.enum(OPERATIONS, { error: `one of ${OPERATIONS.join(", ")}` }).optional(),
    httpStatus: z.number().int().min(100, { error: "100–599" }).max(599, { error: "100–599" }).optional(),
    networkError: text(200).optional(),
    errorGroup: text(40).optional(),
    errorCode: z.union([z.string(), z.number().int()]).transform(String).pipe(text(40)).optional(),
    errorMessage: text(2000).optional(),
    contextId: text(100).optional(),
    durationMs: z.number().int().min(0, { error: "0–600000" }).max(600_000, { error: "0–600000" }),
    requestId: text(40).optional(),
    orderId: z.string().regex(ORDER_ID_PATTERN, { error: "1–50 characters a–z, 0–9, -" }).optional(),
    requestBody: z.unknown().optional(),
    responseBody: z.unknown().optional(),
  })
  .strict()
  .refine((r) => r.path !== undefined || r.operation !== undefined, { error: "send path or operation" })
  .refine((r) => (r.httpStatus === undefined) !== (r.networkError === undefined), {
    error: "send either httpStatus or networkError (a call with no HTTP answer)",
  });

function maskedBody(value: unknown): MaskedJson | null {
  if (value === undefined || value === null) return null;
  const masked = typeof value === "string" ? maskRawBody(value, MAX_RECORD_BODY_CHARS) : maskJson(value);
  if (masked === null) return null;
  const json = JSON.stringify(masked);
  return json.length > MAX_RECORD_BODY_CHARS
    ? (maskRawBody(json, MAX_RECORD_BODY_CHARS) as MaskedJson) // cut, already masked
    : masked;
}

export type RecordResult = { index: number; status: "stored" } | { index: number; status: "refused"; error: string };

/** One record, checked alone: a record (never a secret from its body) or why it is refused. */
export function toRecord(
  raw: unknown,
  index: number,
  ctx: { now: Date; retentionDays: number; mayUse: (msn: string) => boolean },
): { record: ApiCallRecord } | { refused: RecordResult } {
  const refuse = (error: string) => ({ refused: { index, status: "refused" as const, error } });
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const field = i.path.map(String).join(".");
    return refuse(field ? `${field}: ${i.message}` : i.message);
  }
  const r = parsed.data;
  if (!ctx.mayUse(r.msn)) return refuse(`msn: ${r.msn} is not a sales unit this key may send for`);
  const at = new Date(r.at);
  if (at.getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) return refuse("at: in the future");
  if (at.getTime() < ctx.now.getTime() - ctx.retentionDays * 86_400_000)
    return refuse(`at: older than the ${ctx.retentionDays} days calls are kept`);
  const fromPath = r.path ? operationOfPath(r.method, r.path) : null;
  if (r.path && !fromPath && !r.operation) return refuse("path: not an eCom API path; send operation as well");
  return {
    record: {
      at,
      msn: r.msn,
      environment: r.environment,
      operation: r.operation ?? fromPath!.operation,
      method: r.method,
      // Templated (no orderIds in the path), as our own calls are logged.
      path: fromPath?.template ?? (r.path ? "(other)" : `(${r.operation})`),
      orderId: r.orderId ?? null,
      httpStatus: r.httpStatus ?? null,
      errorGroup: r.errorGroup ?? null,
      errorCode: r.errorCode ?? null,
      errorMessage: r.errorMessage ?? null,
      contextId: r.contextId ?? null,
      networkError: r.networkError ?? null,
      durationMs: r.durationMs,
      attempt: 1,
      requestId: r.requestId ?? null,
      requestBody: maskedBody(r.requestBody),
      responseBody: maskedBody(r.responseBody),
      source: "shop",
    },
  };
}

export interface IngestCallsDeps {
  db: () => Promise<PrismaClient>;
  now?: () => Date;
  /** Default: API_LOG_RETENTION_DAYS — older records would be pruned at once. */
  retentionDays?: number;
  /** Requests a minute per key (the same limit as the payments endpoint). */
  limits?: () => { requests: Limiter };
}

export function createApiCallsHandler(deps: IngestCallsDeps) {
  return async function POST(request: Request): Promise<Response> {
    const db = await deps.db();
    const now = deps.now?.() ?? new Date();
    const admitted = await admitKeyRequest(db, request, {
      requests: deps.limits?.().requests,
      now,
      nothing: "Nothing was stored",
    });
    if ("refused" in admitted) return admitted.refused;
    const { key } = admitted;
    const read = await readBody(request, MAX_BODY_BYTES);
    if (!read.ok) return problem(read.status, read.error, read.message);
    const json = parseJson(read.text);
    if (!json.ok) return problem(400, "invalid_json", "The body is not valid JSON.");
    const body = json.value;
    if (typeof body !== "object" || body === null || !Array.isArray((body as { calls?: unknown }).calls)) {
      return problem(400, "invalid_body", 'The body must be a JSON object with "calls": an array of call records.');
    }
    const list = (body as { calls: unknown[] }).calls;
    if (list.length === 0) return problem(400, "no_calls", '"calls" is empty: send 1 to 1000 records.');
    if (list.length > MAX_RECORDS)
      return problem(
        400,
        "too_many_calls",
        `"calls" has ${list.length} records; at most ${MAX_RECORDS} per request. Nothing was stored: split the batch.`,
      );

    const ctx = {
      now,
      retentionDays: deps.retentionDays ?? env().apiLog.retentionDays,
      mayUse: (msn: string) => keyMayRegister(key, msn),
    };
    const results: RecordResult[] = [];
    const records: ApiCallRecord[] = [];
    list.forEach((raw, index) => {
      const r = toRecord(raw, index, ctx);
      if ("record" in r) {
        records.push(r.record);
        results.push({ index, status: "stored" });
      } else results.push(r.refused);
    });
    if (records.length > 0) await writeCalls(db, records.map(toRow));
    const stored = records.length;
    await audit(db, {
      action: "ingest_api",
      outcome: "success",
      details: { keyId: key.id, keyName: key.name, kind: "api-calls", stored, refused: list.length - stored },
    });
    return Response.json({ results, summary: { stored, refused: list.length - stored } });
  };
}
