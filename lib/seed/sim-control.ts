// A small client for the simulator's own controls (/_sim): not part of the Vipps API.
import { createEcomClient, type EcomClient, type EcomClientOptions } from "@/lib/ecom";

export interface SimUnit {
  msn: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
}

export class SimControl {
  constructor(private readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_sim${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator control ${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  health = () => this.call<{ status: string }>("GET", "/health");
  reset = () => this.call("POST", "/reset");
  patchSettings = (settings: Record<string, unknown>) => this.call("PATCH", "/settings", settings);
  setClock = (ms: number) => this.call("POST", "/clock", { set: new Date(ms).toISOString() });
  createUnit = (msn: string, name: string, captureType: "reserve" | "direct") =>
    this.call<SimUnit>("POST", "/sales-units", { msn, name, captureType, environment: "test" });
  fault = (fault: Record<string, unknown>) => this.call("POST", "/faults", fault);
  clearFaults = () => this.call("DELETE", "/faults");
  async user(
    msn: string,
    orderId: string,
    action: "approve" | "reject" | "timeout" | "fail",
    body: Record<string, unknown> = {},
  ) {
    await this.call("POST", `/payments/${msn}/${encodeURIComponent(orderId)}/${action}`, body);
  }
}

/** Our eCom client for a sales unit the simulator made (its keys, the simulator's address). */
export function simulatorClient(
  baseUrl: string,
  unit: SimUnit,
  options: Omit<EcomClientOptions, "salesUnit" | "baseUrl">,
): EcomClient {
  const { clientId, clientSecret, subscriptionKey } = unit;
  return createEcomClient({
    salesUnit: { msn: unit.msn, environment: "simulator", credentials: { clientId, clientSecret, subscriptionKey } },
    baseUrl,
    ...options,
  });
}
