// The callback endpoint's logic (the route file only wires it up). A callback is a hint, never the
// truth: it is not authenticated (we set no authToken at initiate, the shop does), so its content is
// only used to decide whether to ask; what we store comes from GET /details, fetched after the
// answer has gone out (Vipps waits 3 s, once). Unknown sales units are refused and audit-logged;
// what a flood may cost is bounded in callback-guard.ts.
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { isEcomError } from "@/lib/ecom";
import type { DetailsClient } from "@/lib/payments/reconciler/reconciler";
import { syncDetails } from "@/lib/payments/sync/sync";
import { parseCallback, type CallbackBody } from "./callback-body";
import {
  createCallbackGuard,
  DEFAULT_CALLBACK_LIMITS,
  type CallbackLimits,
  type RefusedCallback,
} from "./callback-guard";
import { parseJson, problem, readBody } from "./http";
import { maskJson, maskRawBody, type MaskedJson } from "@/lib/api-log/mask";
import type { ApiLogSink, LogEnvironment } from "@/lib/api-log/types";
import { leaveHint } from "./payment-hints";
import { audit as writeAudit } from "@/lib/audit";
import { createHash, timingSafeEqual } from "node:crypto";

const MAX_BODY_BYTES = 64 * 1024;

export interface CallbackDeps {
  db: () => Promise<PrismaClient>;
  clientFor: (msn: string) => Promise<DetailsClient>;
  /** Where the callback and our answer are logged (the API log); none in tests that do not look. */
  sink?: ApiLogSink;
  /** Runs work after the response is sent: `after` from next/server in the app; tests collect it. */
  schedule: (task: () => Promise<void>) => void;
  now?: () => Date;
  log?: (line: string) => void;
  /** Least time between two /details reads for one payment caused by callbacks (rate limit 120/min). */
  minSpacingMs?: number;
  limits?: CallbackLimits;
  /** Open hints a sales unit may have (default MAX_HINTS_PER_MSN); beyond, a callback leaves none. */
  maxHintsPerMsn?: number;
}

type RouteContext = { params: Promise<{ orderId: string }> };

// One /details read per payment at a time in this process; callbacks arriving meanwhile cause one
// more read afterwards, so a burst cannot spend the payment's rate limit.
const flights = new Map<string, { again: boolean; done: Promise<void> }>();

function singleFlight(key: string, spacingMs: number, task: () => Promise<void>): Promise<void> {
  const running = flights.get(key);
  if (running) {
    running.again = true;
    return running.done;
  }
  const entry = { again: false, done: Promise.resolve() };
  entry.done = (async () => {
    try {
      do {
        if (entry.again) await new Promise((r) => setTimeout(r, spacingMs));
        entry.again = false;
        await task();
      } while (entry.again);
    } finally {
      flights.delete(key);
    }
  })();
  flights.set(key, entry);
  return entry.done;
}

type Audit = (row: RefusedCallback) => Promise<void>;

/** GET /details for the payment a callback named, and store it. Never throws. */
export async function syncFromCallback(deps: CallbackDeps, body: CallbackBody, audit: Audit): Promise<void> {
  const { merchantSerialNumber: msn, orderId } = body;
  const log = deps.log ?? ((line: string) => console.warn(`[callback] ${line}`));
  const now = () => deps.now?.() ?? new Date();
  const db = await deps.db();
  try {
    const details = await (await deps.clientFor(msn)).getPaymentDetails(orderId);
    await syncDetails(db, msn, details, { now: now() });
  } catch (err) {
    if (isEcomError(err) && err.httpStatus === 404) {
      // Vipps does not know it: a mistaken or forged callback. Nothing is stored.
      await audit({
        action: "callback_unverified",
        msn,
        orderId,
        details: { reason: "not_found_at_vipps", status: body.transactionInfo.status },
      }).catch(() => {});
      return;
    }
    // Vipps is away for now. Nothing from the callback's body is stored: a payment we hold is polled
    // again at once; an unknown one leaves a hint the reconciler resolves from /details.
    log(
      `${msn}/${orderId}: details failed (${isEcomError(err) ? `${err.kind} ${err.httpStatus ?? ""}` : "internal"}); left to the reconciler`,
    );
    try {
      const updated = await db.payment.updateMany({ where: { msn, orderId }, data: { nextPollAt: now() } });
      if (updated.count === 0 && !(await leaveHint(db, msn, orderId, now(), deps.maxHintsPerMsn))) {
        await audit({ action: "callback_throttled", msn, orderId, details: { reason: "too_many_open_hints" } });
      }
    } catch {
      log(`${msn}/${orderId}: could not mark for the reconciler`);
    }
  }
}

export function createCallbackHandler(deps: CallbackDeps) {
  const limits = deps.limits ?? DEFAULT_CALLBACK_LIMITS;
  // Logged with what identifies the callback, never its Authorization header.
  const guard = createCallbackGuard(limits, {
    row: async ({ action, msn, orderId, details }) => {
      await writeAudit(await deps.db(), { action, outcome: "refused", msn, orderId, details });
    },
    summary: async ({ action, details }) => {
      await writeAudit(await deps.db(), { action, outcome: "refused", details });
    },
  });

  async function handle(request: Request, orderId: string, seen: Seen): Promise<Response> {
    const read = await readBody(request, MAX_BODY_BYTES);
    if (!read.ok) return problem(read.status, read.error, read.message);
    seen.text = read.text;
    const parsed = parseCallback(orderId, read.text);
    if (!parsed.ok) return problem(400, parsed.error, parsed.message);
    const body = parsed.body;
    const msn = body.merchantSerialNumber;

    const db = await deps.db();
    const unit = await db.salesUnit.findUnique({
      where: { msn },
      select: { active: true, callbackAuthTokenHash: true, environment: true },
    });
    if (unit) seen.unit = { msn, environment: unit.environment };
    if (!unit?.active) {
      await guard.audit({
        action: "callback_refused",
        msn,
        orderId,
        details: { reason: "unknown_msn", status: body.transactionInfo.status },
      });
      return problem(404, "unknown_msn", `Merchant serial number ${msn} is not a sales unit of this merchant.`);
    }
    // When the shop gave Vipps an authToken at initiate and told us (its sha256), Vipps sends it back
    // in Authorization: a callback without it is not from Vipps.
    if (
      unit.callbackAuthTokenHash &&
      !authTokenMatches(request.headers.get("authorization"), unit.callbackAuthTokenHash)
    ) {
      await guard.audit({
        action: "callback_refused",
        msn,
        orderId,
        details: { reason: "bad_auth_token", status: body.transactionInfo.status },
      });
      return problem(
        401,
        "unauthorized",
        "The callback's Authorization header does not carry this sales unit's authToken.",
      );
    }
    const known = await db.payment.findUnique({ where: { msn_orderId: { msn, orderId } }, select: { id: true } });
    if (!known) {
      const allowed = await guard.allowNewOrder(msn);
      if (!allowed.ok) {
        await guard.audit({
          action: "callback_throttled",
          msn,
          orderId,
          details: { reason: "new_orders_per_window", status: body.transactionInfo.status },
        });
        return problem(
          429,
          "too_many_callbacks",
          `More than ${limits.newOrdersPerWindow} callbacks in ${limits.windowSeconds} s for orders sales unit ${msn} has not registered; try again in ${allowed.retryAfterSeconds} s.`,
          {},
          { "Retry-After": String(allowed.retryAfterSeconds) },
        );
      }
    }

    deps.schedule(() =>
      singleFlight(`${msn}/${orderId}`, deps.minSpacingMs ?? 1000, () => syncFromCallback(deps, body, guard.audit)),
    );
    return Response.json({ status: "accepted" });
  }

  return async function POST(request: Request, context: RouteContext): Promise<Response> {
    const started = deps.now?.() ?? new Date();
    const t0 = performance.now();
    const { orderId } = await context.params;
    const seen: Seen = {};
    const response = await handle(request, orderId, seen);
    const { sink } = deps;
    if (sink && seen.unit) {
      const unit = seen.unit;
      const durationMs = performance.now() - t0;
      // After the answer has gone out: the clone's body is read then, never delaying Vipps.
      deps.schedule(() => logCallback(sink, unit, orderId, started, durationMs, seen, response));
    }
    return response;
  };
}

interface Seen {
  /** The body as received (only when it was read). */
  text?: string;
  /** Set once the callback names one of our sales units: only those are logged (others are audited). */
  unit?: { msn: string; environment: LogEnvironment };
}

function maskedText(text: string): MaskedJson | null {
  const parsed = parseJson(text);
  return parsed.ok ? maskJson(parsed.value) : maskRawBody(text, 8_000);
}

/** The callback and our answer in the API log (source "callback"), masked like every logged body. */
function logCallback(
  sink: ApiLogSink,
  unit: { msn: string; environment: LogEnvironment },
  orderId: string,
  at: Date,
  durationMs: number,
  seen: Seen,
  response: Response,
): Promise<void> {
  // Our own answers are small JSON bodies made above; reading a clone leaves the response intact.
  return response
    .clone()
    .text()
    .then((answer) => {
      const parsedAnswer = parseJson(answer);
      const error = response.ok || !parsedAnswer.ok ? null : (parsedAnswer.value as { error?: unknown }).error;
      sink.record({
        at,
        msn: unit.msn,
        environment: unit.environment,
        operation: "callback",
        method: "POST",
        path: "/api/vipps/v2/payments/{orderId}",
        orderId: orderId.slice(0, 50),
        httpStatus: response.status,
        // Our own refusals form a group of their own, so the dashboard and its remedies tell them apart.
        errorGroup: typeof error === "string" ? "Callback" : null,
        errorCode: typeof error === "string" ? error : null,
        errorMessage: null,
        contextId: null,
        networkError: null,
        durationMs,
        attempt: 1,
        requestId: null,
        requestBody: seen.text === undefined ? null : maskedText(seen.text),
        responseBody: maskedText(answer),
        source: "callback",
      });
    })
    .catch(() => {});
}

/** Compares the header's sha256 with the stored one in constant time. */
export function authTokenMatches(header: string | null, expectedSha256Hex: string): boolean {
  if (!header) return false;
  const actual = createHash("sha256").update(header).digest();
  const expected = Buffer.from(expectedSha256Hex, "hex");
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
