// Demo mode: the simulator stands in for Vipps, and for portal.vipps.no where a merchant creates a
// test sales unit and reads its keys. A unit added in the simulator environment is registered with
// the simulator (its /_sim controls, never the Vipps paths), which issues its keys; the admin reads
// them on the unit's page and types them into the keys form, as they would copy them from the
// portal. Nothing here runs outside demo mode or for units of the test and production environments.
import "server-only";
import type { CaptureType } from "@/generated/prisma/enums";
import { simulatorBaseUrl } from "@/lib/ecom";

export interface SimulatorKeys {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
}

export type SimulatorKeysResult = { ok: true; keys: SimulatorKeys; created: boolean } | { ok: false };

const TIMEOUT_MS = 3000;

async function control(baseUrl: string, method: string, path: string, body?: unknown) {
  return fetch(`${baseUrl}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: "manual",
  });
}

const keysOf = (u: Partial<SimulatorKeys>): SimulatorKeys | null =>
  typeof u.clientId === "string" && typeof u.clientSecret === "string" && typeof u.subscriptionKey === "string"
    ? { clientId: u.clientId, clientSecret: u.clientSecret, subscriptionKey: u.subscriptionKey }
    : null;

/** The simulator's keys for the MSN, registering the unit there first if it does not know it. */
export async function simulatorKeysFor(
  unit: { msn: string; name: string; captureType: CaptureType },
  baseUrl = simulatorBaseUrl(),
  again = true,
): Promise<SimulatorKeysResult> {
  try {
    const found = await control(baseUrl, "GET", `/sales-units/${encodeURIComponent(unit.msn)}`);
    if (found.ok) {
      const keys = keysOf((await found.json()) as Partial<SimulatorKeys>);
      return keys ? { ok: true, keys, created: false } : { ok: false };
    }
    if (found.status !== 404) return { ok: false };
    // "test": the simulator then behaves like Vipps' test environment (1-hour tokens, force-approve).
    const made = await control(baseUrl, "POST", "/sales-units", {
      msn: unit.msn,
      name: unit.name,
      captureType: unit.captureType,
      environment: "test",
    });
    // 409: registered meanwhile by another request; read it.
    if (made.status === 409 && again) return simulatorKeysFor(unit, baseUrl, false);
    if (!made.ok) return { ok: false };
    const keys = keysOf((await made.json()) as Partial<SimulatorKeys>);
    return keys ? { ok: true, keys, created: true } : { ok: false };
  } catch {
    return { ok: false };
  }
}
