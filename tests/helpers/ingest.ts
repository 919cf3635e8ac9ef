// Shared set-up for the ingest, callback and reconciler tests: an in-process simulator, sales units
// in both the simulator and our database, eCom clients counting their calls, payments in any state.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@/generated/prisma/client";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import type { Actor } from "@/lib/auth/permissions";
import { createEcomClient, TokenCache, type EcomClient } from "@/lib/ecom";
import { AppError } from "@/lib/errors";
import { SimControl, type SimUnit } from "@/lib/seed/sim-control";
import { startSimulator, type Simulator } from "@/simulator/server";

export interface Stack {
  sim: Simulator;
  control: SimControl;
  sink: MemoryApiLogSink;
  units: Map<string, SimUnit>;
  clientFor(msn: string): Promise<EcomClient>;
  /** Details calls per orderId seen by the clients (one per HTTP attempt). */
  detailsCalls(orderId?: string): number;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const sim = await startSimulator();
  const control = new SimControl(sim.url);
  const sink = new MemoryApiLogSink();
  const units = new Map<string, SimUnit>();
  const tokens = new TokenCache();
  const clients = new Map<string, EcomClient>();
  return {
    sim,
    control,
    sink,
    units,
    async clientFor(msn) {
      const u = units.get(msn);
      if (!u) throw new AppError("not_found", `no unit ${msn}`);
      if (!clients.has(msn)) {
        clients.set(
          msn,
          createEcomClient({
            salesUnit: {
              msn,
              environment: "simulator",
              credentials: { clientId: u.clientId, clientSecret: u.clientSecret, subscriptionKey: u.subscriptionKey },
            },
            baseUrl: sim.url,
            sink,
            tokenCache: tokens,
            sleep: async () => {},
            timeouts: { details: 1500 },
          }),
        );
      }
      return clients.get(msn)!;
    },
    detailsCalls: (orderId) =>
      sink.records.filter((r) => r.operation === "details" && (orderId === undefined || r.orderId === orderId)).length,
    close: () => sim.close(),
  };
}

/** A sales unit in the simulator and in our database (no stored keys: tests pass clientFor). */
export async function addUnit(
  stack: Stack,
  prisma: PrismaClient,
  msn: string,
  captureType: "reserve" | "direct" = "reserve",
  name = `Unit ${msn}`,
) {
  const unit = await stack.control.createUnit(msn, name, captureType);
  stack.units.set(msn, unit);
  await prisma.salesUnit.create({ data: { msn, name, environment: "simulator", captureType } });
  return unit;
}

export type Outcome = "initiated" | "approve" | "reject" | "timeout" | "fail";

/** A payment at the simulator (not in our database), left in the state `outcome` makes. */
export async function simPayment(
  stack: Stack,
  msn: string,
  orderId: string,
  outcome: Outcome = "approve",
  amount = 10_000,
  callbackPrefix = "https://shop.example/vipps",
) {
  const client = await stack.clientFor(msn);
  await client.initiatePayment({
    orderId,
    amount,
    transactionText: "Fjellsko",
    callbackPrefix,
    fallBack: "https://shop.example/done",
  });
  if (outcome !== "initiated")
    await stack.control.user(msn, orderId, outcome, outcome === "fail" ? { code: "42" } : {});
}

export function actor(role: Actor["role"], msns: string[] = []): Actor {
  return {
    id: randomUUID(),
    email: `${role}@test.example`,
    name: role,
    role,
    msns,
    allSalesUnits: role === "admin",
    canViewPayments: role !== "developer",
  };
}

/** Serves a route handler over real HTTP (for the simulator's callbacks), with `[param]` from the path. */
export async function serveRoute(
  pattern: RegExp,
  handler: (request: Request, context: { params: Promise<{ orderId: string }> }) => Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const match = pattern.exec(req.url ?? "");
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request, {
      params: Promise.resolve({ orderId: decodeURIComponent(match[1] ?? "") }),
    });
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A client whose GET /details goes down right after a capture was sent: with the capture's answers
 * lost too, the outcome of a money operation cannot be read (it stays unknown until resolved).
 */
export function detailsDownAfterCapture(real: EcomClient): EcomClient {
  let sent = false;
  return {
    ...real,
    getPaymentDetails: async (id: string) => {
      if (sent) throw Object.assign(new Error("details down"), { name: "EcomError" });
      return real.getPaymentDetails(id);
    },
    capturePayment: (input) => real.capturePayment(input).finally(() => (sent = true)),
  };
}
