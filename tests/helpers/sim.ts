// Drives the simulator over HTTP the way a merchant's system would, and checks every Vipps-path
// response against the official spec.
import { afterAll, beforeAll, expect } from "vitest";
import { startSimulator, type Simulator } from "@/simulator/server";
import { validateEcomResponse } from "./openapi";

export interface Unit {
  msn: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  captureType: "reserve" | "direct";
  environment: "test" | "production";
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

const OPERATION_IDS = {
  token: "fetchAuthorizationTokenUsingPost",
  initiate: "initiatePaymentV3UsingPOST",
  details: "getPaymentDetailsUsingGET",
  capture: "capturePaymentUsingPOST",
  cancel: "cancelPaymentRequestUsingPUT",
  refund: "refundPaymentUsingPOST",
  approve: "integrationTestApprovePayment",
  status: "getOrderStatusUsingGET",
} as const;

export class SimDriver {
  private tokens = new Map<string, string>();
  contractChecks = 0;
  constructor(readonly sim: Simulator) {}

  static async start(stateFile?: string) {
    return new SimDriver(await startSimulator({ stateFile }));
  }

  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    if (path === "/clock" || path === "/reset") this.tokens.clear(); // tokens expire with the clock
    const res = await fetch(`${this.sim.url}/_sim${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  async unit(
    captureType: "reserve" | "direct" = "reserve",
    environment: "test" | "production" = "test",
    msn?: string,
  ): Promise<Unit> {
    const r = await this.control<Unit>("POST", "/sales-units", {
      captureType,
      environment,
      msn,
      name: `Unit ${captureType}`,
    });
    expect(r.status).toBe(201);
    return r.body;
  }

  /** A raw call to a Vipps path; the response is validated against swagger.yaml. */
  async raw<T = unknown>(
    op: keyof typeof OPERATION_IDS,
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: unknown; rawBody?: string } = {},
  ): Promise<Reply<T>> {
    const res = await fetch(`${this.sim.url}${path}`, {
      method,
      headers: {
        ...(init.body !== undefined || init.rawBody ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : undefined) as T;
    if (text) {
      const contract = await validateEcomResponse(OPERATION_IDS[op], res.status, body);
      expect(contract.errors, `${method} ${path} → ${res.status} ${text.slice(0, 300)}`).toEqual([]);
      this.contractChecks++;
    }
    return { status: res.status, body, headers: res.headers };
  }

  async token(u: Unit): Promise<string> {
    const cached = this.tokens.get(u.msn);
    if (cached) return cached;
    const r = await this.raw<{ access_token: string }>("token", "POST", "/accesstoken/get", {
      headers: { client_id: u.clientId, client_secret: u.clientSecret, "Ocp-Apim-Subscription-Key": u.subscriptionKey },
    });
    expect(r.status).toBe(200);
    this.tokens.set(u.msn, r.body.access_token);
    return r.body.access_token;
  }

  async headers(u: Unit, extra: Record<string, string> = {}) {
    return {
      Authorization: `Bearer ${await this.token(u)}`,
      "Ocp-Apim-Subscription-Key": u.subscriptionKey,
      "Merchant-Serial-Number": u.msn,
      ...extra,
    };
  }

  initiateBody(u: Unit, orderId: string, amount = 10000, over: Record<string, unknown> = {}) {
    return {
      customerInfo: {},
      merchantInfo: {
        merchantSerialNumber: u.msn,
        callbackPrefix: "https://shop.example/vipps",
        fallBack: "https://shop.example/done",
        ...over,
      },
      transaction: { orderId, amount, transactionText: "Fjellsko str 42" },
    };
  }

  async initiate(u: Unit, orderId: string, amount = 10000, over: Record<string, unknown> = {}) {
    return this.raw<{ orderId: string; url: string }>("initiate", "POST", "/ecomm/v2/payments", {
      headers: await this.headers(u),
      body: this.initiateBody(u, orderId, amount, over),
    });
  }

  async approve(u: Unit, orderId: string, bin?: number) {
    const r = await this.control("POST", `/payments/${u.msn}/${orderId}/approve`, { bin });
    expect(r.status).toBe(200);
  }

  async paid(u: Unit, orderId: string, amount = 10000) {
    expect((await this.initiate(u, orderId, amount)).status).toBe(200);
    await this.approve(u, orderId);
  }

  async details(u: Unit, orderId: string) {
    return this.raw<Details>("details", "GET", `/ecomm/v2/payments/${orderId}/details`, {
      headers: await this.headers(u),
    });
  }

  async capture(u: Unit, orderId: string, amount: number | undefined, requestId: string) {
    return this.raw<Record<string, unknown>>("capture", "POST", `/ecomm/v2/payments/${orderId}/capture`, {
      headers: await this.headers(u, { "X-Request-Id": requestId }),
      body: {
        merchantInfo: { merchantSerialNumber: u.msn },
        transaction: { amount, transactionText: "Sendt med Posten" },
      },
    });
  }

  async refund(u: Unit, orderId: string, amount: number | undefined, requestId: string) {
    return this.raw<Record<string, unknown>>("refund", "POST", `/ecomm/v2/payments/${orderId}/refund`, {
      headers: await this.headers(u, { "X-Request-Id": requestId }),
      body: { merchantInfo: { merchantSerialNumber: u.msn }, transaction: { amount, transactionText: "Retur" } },
    });
  }

  async cancel(u: Unit, orderId: string, shouldReleaseRemainingFunds?: boolean) {
    return this.raw<Record<string, unknown>>("cancel", "PUT", `/ecomm/v2/payments/${orderId}/cancel`, {
      headers: await this.headers(u),
      body: {
        merchantInfo: { merchantSerialNumber: u.msn },
        transaction: { transactionText: "Avbrutt" },
        shouldReleaseRemainingFunds,
      },
    });
  }

  close() {
    return this.sim.close();
  }
}

export interface LogItem {
  operation: string;
  amount: number;
  operationSuccess: boolean;
  requestId: string;
  transactionId: string;
  timeStamp: string;
}

export interface Details {
  orderId: string;
  transactionLogHistory: LogItem[];
  transactionSummary?: {
    capturedAmount: number;
    remainingAmountToCapture: number;
    refundedAmount: number;
    remainingAmountToRefund: number;
    bankIdentificationNumber?: number;
  };
}

export const errorCode = (body: unknown) =>
  Array.isArray(body) ? (body[0] as { errorCode?: string })?.errorCode : undefined;

/**
 * The usual test bed: an in-memory simulator with a reserve-capture unit ("shop") and a
 * direct-capture unit ("kiosk"), started before the file's tests and closed after them.
 */
export function simulatorTestBed(assign: (bed: { d: SimDriver; shop: Unit; kiosk: Unit }) => void | Promise<void>) {
  let driver: SimDriver | undefined;
  beforeAll(async () => {
    driver = await SimDriver.start();
    await assign({ d: driver, shop: await driver.unit("reserve"), kiosk: await driver.unit("direct") });
  });
  afterAll(async () => driver?.close());
}
