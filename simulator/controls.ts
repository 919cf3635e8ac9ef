// Simulator controls under /_sim (never inside the Vipps paths): act as the user, create sales units
// and keys, inject faults, move the clock, reset.
import { randomUUID } from "node:crypto";
import { sendCallback } from "./callbacks";
import type { SimResponse } from "./errors";
import type { RateLimiter } from "./limits";
import { applyTimeout, userActs, type UserOutcome } from "./payments";
import { randomKey, type Store } from "./store";
import {
  paymentKey,
  type CaptureType,
  type Fault,
  type FaultMode,
  type SimEnvironment,
  type SimSettings,
} from "./types";

type Obj = Record<string, unknown>;
const ok = (body: unknown, status = 200): SimResponse => ({ status, body });
const bad = (message: string, status = 400): SimResponse => ({ status, body: { error: message } });
const FAULT_MODES: FaultMode[] = [
  "latency",
  "error500",
  "locked94",
  "rateLimit429",
  "reset",
  "lostResponse",
  "vippsError",
];

export function sweepTimeouts(store: Store): number {
  let fired = 0;
  for (const p of Object.values(store.state.payments)) {
    if (applyTimeout(store, p)) {
      fired++;
      void sendCallback(store, p, "REJECTED");
    }
  }
  if (fired) store.changed();
  return fired;
}

export async function handleControl(
  store: Store,
  limiter: RateLimiter,
  method: string,
  path: string,
  body: unknown,
): Promise<SimResponse> {
  const b = (body ?? {}) as Obj;
  const parts = path.split("/").filter(Boolean).slice(1); // drop "_sim"
  const [section, a, c, action] = parts;

  if (section === "health" && method === "GET") return ok({ status: "ok", now: store.iso() });
  if (section === "reset" && method === "POST") {
    store.reset();
    limiter.clear();
    return ok({ reset: true });
  }

  if (section === "sales-units" && a) {
    const unit = store.state.salesUnits[a];
    if (!unit) return bad(`no sales unit ${a}`, 404);
    if (method === "GET") return ok(unit);
    // What Vipps (or the merchant in the portal) can change about a sales unit here: deactivate it.
    if (method === "PATCH") {
      if (b.active !== undefined && typeof b.active !== "boolean") return bad("active must be true or false");
      if (b.name !== undefined && typeof b.name !== "string") return bad("name must be a string");
      if (typeof b.active === "boolean") unit.active = b.active;
      if (typeof b.name === "string") unit.name = b.name;
      store.changed();
      return ok(unit);
    }
  }

  if (section === "sales-units" && !a) {
    if (method === "GET") return ok(Object.values(store.state.salesUnits));
    if (method === "POST") {
      const msn = typeof b.msn === "string" ? b.msn : String(100000 + Math.floor(Math.random() * 899999));
      if (!/^\d{5,7}$/.test(msn)) return bad("msn must be 5-7 digits");
      if (store.state.salesUnits[msn]) return bad(`sales unit ${msn} exists`, 409);
      const captureType: CaptureType = b.captureType === "direct" ? "direct" : "reserve";
      const environment: SimEnvironment = b.environment === "production" ? "production" : "test";
      const unit = {
        msn,
        name: typeof b.name === "string" ? b.name : `Sales unit ${msn}`,
        captureType,
        environment,
        clientId: randomUUID(),
        clientSecret: randomKey(24),
        subscriptionKey: randomKey(16),
        skipLandingPageAllowed: b.skipLandingPageAllowed === true,
      };
      store.state.salesUnits[msn] = unit;
      store.changed();
      return ok(unit, 201);
    }
  }

  if (section === "partners" && method === "POST") {
    const msns = Array.isArray(b.msns) ? b.msns.filter((m): m is string => typeof m === "string") : [];
    const partner = {
      partnerId: randomUUID(),
      msns,
      clientId: randomUUID(),
      clientSecret: randomKey(24),
      subscriptionKey: randomKey(16),
    };
    store.state.partners[partner.partnerId] = partner;
    store.changed();
    return ok(partner, 201);
  }

  if (section === "payments" && a && c) {
    const p = store.state.payments[paymentKey(a, decodeURIComponent(c))];
    if (!p) return bad("no such payment", 404);
    if (method === "GET" && !action) return ok(p);
    if (method === "POST" && action) {
      const unit = store.state.salesUnits[p.msn];
      let outcome: UserOutcome;
      if (action === "approve") outcome = { kind: "approve", bin: typeof b.bin === "number" ? b.bin : undefined };
      else if (action === "reject") outcome = { kind: "reject" };
      else if (action === "fail") {
        const code = b.reason === "insufficient_funds" ? "42" : String(b.code ?? "45");
        if (!["41", "42", "43", "44", "45"].includes(code))
          return bad("code must be 41-45 (or reason: insufficient_funds)");
        outcome = { kind: "fail", code: code as "41" };
      } else if (action === "timeout") {
        if (p.state !== "INITIATE") return bad(`payment is ${p.state}, not waiting for the user`, 409);
        p.initiatedAt = store.now() - store.state.settings.userTimeoutSeconds * 1000;
        sweepTimeouts(store);
        return ok(p);
      } else return bad(`unknown action ${action}`, 404);
      const result = userActs(store, p, outcome, unit?.captureType === "direct");
      if (!result.ok) return { status: 409, body: { error: `payment is ${p.state}`, vipps: result.response.body } };
      store.changed();
      const callback = sendCallback(store, p, result.callbackStatus, result.errorCode);
      if (b.awaitCallback === true) await callback;
      return ok(p);
    }
  }

  if (section === "faults") {
    if (method === "GET") return ok(store.state.faults);
    if (method === "DELETE") {
      store.state.faults = a ? store.state.faults.filter((f) => f.id !== a) : [];
      store.changed();
      return ok({ faults: store.state.faults.length });
    }
    if (method === "POST") {
      if (!FAULT_MODES.includes(b.mode as FaultMode)) return bad(`mode must be one of ${FAULT_MODES.join(", ")}`);
      const fault: Fault = {
        id: randomUUID(),
        msn: typeof b.msn === "string" ? b.msn : undefined,
        endpoint: typeof b.endpoint === "string" ? b.endpoint : "*",
        mode: b.mode as FaultMode,
        remaining: typeof b.count === "number" ? b.count : undefined,
        latencyMs: typeof b.latencyMs === "number" ? b.latencyMs : undefined,
        status: typeof b.status === "number" ? b.status : undefined,
        errorGroup: typeof b.errorGroup === "string" ? b.errorGroup : undefined,
        errorCode: typeof b.errorCode === "string" ? b.errorCode : undefined,
        errorMessage: typeof b.errorMessage === "string" ? b.errorMessage : undefined,
      };
      store.state.faults.push(fault);
      store.changed();
      return ok(fault, 201);
    }
  }

  if (section === "clock") {
    if (method === "POST") {
      if (typeof b.advanceSeconds === "number") store.state.clockOffsetMs += b.advanceSeconds * 1000;
      else if (typeof b.set === "string" && !Number.isNaN(Date.parse(b.set)))
        store.state.clockOffsetMs = Date.parse(b.set) - Date.now();
      else if (b.reset === true) store.state.clockOffsetMs = 0;
      else return bad("give advanceSeconds (number), set (ISO time) or reset: true");
      sweepTimeouts(store);
      store.changed();
    }
    return ok({ now: store.iso(), offsetMs: store.state.clockOffsetMs });
  }

  if (section === "callbacks" && method === "GET") return ok(store.state.callbacks);

  if (section === "settings") {
    if (method === "PATCH") {
      store.state.settings = { ...store.state.settings, ...(b as Partial<SimSettings>) };
      store.changed();
    }
    return ok(store.state.settings);
  }

  return bad(`no control ${method} ${path}`, 404);
}
