// The world a test or benchmark of the built app needs on a database it prepared itself: sales
// units in the simulator and in our database (keys encrypted with the instances' ENCRYPTION_KEY,
// as an admin would store them), users, reserved payments registered from GET /details, and
// `next start` instances that can be killed (SIGKILL) and started again.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { noopApiLogSink } from "@/lib/api-log/types";
import { hashPassword } from "@/lib/auth/password";
import { encrypt } from "@/lib/crypto";
import { createEcomClient, TokenCache, type EcomClient } from "@/lib/ecom";
import { applyDetails } from "@/lib/payments/sync/sync";
import { SimControl } from "@/lib/seed/sim-control";
import { startApp, type AppServer } from "../../scripts/bench/http";

export interface AppSecrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
}

/** Fresh secrets, shared by every instance of one run (as production instances share theirs). */
export function freshSecrets(): AppSecrets {
  return { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
}

export interface FixtureUnit {
  msn: string;
  /** Our own client to the simulator for this unit (to set up payments and read /details). */
  client: EcomClient;
}

/** A sales unit at the simulator and in our database, its keys stored encrypted like the app stores them. */
export async function addSimulatorUnit(
  prisma: PrismaClient,
  simulatorUrl: string,
  secrets: AppSecrets,
  msn: string,
  captureType: "reserve" | "direct" = "reserve",
): Promise<FixtureUnit> {
  const u = await new SimControl(simulatorUrl).createUnit(msn, `Unit ${msn}`, captureType);
  const credentials = { clientId: u.clientId, clientSecret: u.clientSecret, subscriptionKey: u.subscriptionKey };
  const key = Buffer.from(secrets.ENCRYPTION_KEY, "base64");
  await prisma.salesUnit.create({
    data: {
      msn,
      name: `Unit ${msn}`,
      environment: "simulator",
      captureType,
      credentialsEncrypted: encrypt(JSON.stringify(credentials), key, msn),
    },
  });
  const client = createEcomClient({
    salesUnit: { msn, environment: "simulator", credentials },
    baseUrl: simulatorUrl,
    sink: noopApiLogSink,
    tokenCache: new TokenCache(),
  });
  return { msn, client };
}

/** A user who may see `msns` (admins see everything). */
export async function addUser(
  prisma: PrismaClient,
  o: { email: string; password: string; name: string; role: Role; msns: string[] },
): Promise<void> {
  const units = await prisma.salesUnit.findMany({ where: { msn: { in: o.msns } }, select: { id: true } });
  await prisma.user.create({
    data: {
      email: o.email,
      name: o.name,
      role: o.role,
      passwordHash: await hashPassword(o.password),
      salesUnits: { create: o.role === "admin" ? [] : units.map((s) => ({ salesUnitId: s.id })) },
    },
  });
}

/** A payment the user approved at the simulator (reserved), registered in our database from /details. */
export async function reservedPayment(
  prisma: PrismaClient,
  simulatorUrl: string,
  unit: FixtureUnit,
  orderId: string,
  amount: number,
): Promise<string> {
  await unit.client.initiatePayment({
    orderId,
    amount,
    transactionText: "Multi-instance test",
    callbackPrefix: "https://shop.example/vipps",
    fallBack: "https://shop.example/done",
  });
  await new SimControl(simulatorUrl).user(unit.msn, orderId, "approve");
  await applyDetails(prisma, unit.msn, await unit.client.getPaymentDetails(orderId));
  return orderId;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One `next start` of the built app, which can be killed without warning and started again. */
export class AppInstance {
  private server?: AppServer;
  private starts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logDir: string,
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.server?.child.pid;
  }

  /** Log of the current run (each start writes its own file). */
  get logFile(): string {
    return path.join(this.logDir, `${this.name}-${this.starts}.log`);
  }

  async start(): Promise<void> {
    this.starts += 1;
    this.server = await startApp({ port: this.port, env: this.env, logFile: this.logFile });
  }

  /** SIGKILL: no shutdown hooks, no flushing; waits until the process is gone. */
  async kill9(): Promise<void> {
    const child = this.server?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await gone;
  }

  async stop(): Promise<void> {
    const child = this.server?.child;
    if (child && child.signalCode === null) await this.server?.stop();
  }
}
