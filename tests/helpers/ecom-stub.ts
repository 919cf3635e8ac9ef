// A tiny Vipps stand-in on an ephemeral port for the eCom client tests: real HTTP, scripted replies.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { AddressInfo } from "node:net";
import { MemoryApiLogSink } from "@/lib/api-log/types";
import { createEcomClient, TokenCache, type EcomClientOptions } from "@/lib/ecom";

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface StubReply {
  status?: number;
  body?: unknown;
  /** Sent as is instead of JSON. */
  raw?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

/** `n` counts calls to this route, from 1. */
export type StubHandler = (req: StubRequest, n: number) => StubReply;

export const SECRETS = {
  clientId: "client-id-0001",
  clientSecret: "s3cr3t-client-secret-value",
  subscriptionKey: "sub-key-0123456789abcdef",
};

/** JWT-shaped, as Vipps' tokens are. */
export function fakeJwt(n: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ sub: "merchant", n })}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
}

export function tokenReply(n: number, expiresIn = 3600): StubReply {
  return {
    body: {
      token_type: "Bearer",
      expires_in: String(expiresIn),
      ext_expires_in: "0",
      expires_on: String(1_700_000_000 + expiresIn),
      not_before: "1700000000",
      resource: "00000002-0000-0000-c000-000000000000",
      access_token: fakeJwt(n),
    },
  };
}

export interface Stub {
  url: string;
  requests: StubRequest[];
  /** Requests other than the token call. */
  apiRequests(): StubRequest[];
  tokenRequests(): StubRequest[];
  on(route: string, handler: StubHandler): void;
  close(): Promise<void>;
}

/** Routes are "METHOD /path/{orderId}/..."; the token route answers with token n by default. */
export async function startStub(): Promise<Stub> {
  const routes = new Map<string, { pattern: RegExp; handler: StubHandler; calls: number }>();
  const requests: StubRequest[] = [];
  const on = (route: string, handler: StubHandler) => {
    const [method, template] = route.split(" ");
    const pattern = new RegExp(`^${method} ${(template ?? "").replace("{orderId}", "[^/]+")}$`);
    routes.set(route, { pattern, handler, calls: 0 });
  };
  on("POST /accesstoken/get", (_req, n) => tokenReply(n));

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const request = { method: req.method ?? "", path, headers: req.headers, body };
      requests.push(request);
      const route = [...routes.values()].find((r) => r.pattern.test(`${request.method} ${path}`));
      const reply: StubReply = route
        ? route.handler(request, ++route.calls)
        : { status: 404, body: { statusCode: 404, message: "Resource not found" } };
      const send = () => {
        if (res.destroyed) return;
        const text = reply.raw ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
        res.writeHead(reply.status ?? 200, { "content-type": "application/json;charset=UTF-8", ...reply.headers });
        res.end(text);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
    req.on("error", () => {});
    res.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    apiRequests: () => requests.filter((r) => r.path !== "/accesstoken/get"),
    tokenRequests: () => requests.filter((r) => r.path === "/accesstoken/get"),
    on,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A client against the stub with a fresh token cache, an in-memory sink and no real backoff waits. */
/** One stub per test file: started before the tests, closed after, its request log emptied before each. */
export function stubTestBed(assign: (stub: Stub) => void) {
  let stub: Stub | undefined;
  beforeAll(async () => {
    stub = await startStub();
    assign(stub);
  });
  afterAll(() => stub?.close());
  beforeEach(() => {
    if (stub) stub.requests.length = 0;
  });
}

export function stubClient(stub: Stub, overrides: Partial<EcomClientOptions> = {}) {
  const sink = new MemoryApiLogSink();
  const sleeps: number[] = [];
  const client = createEcomClient({
    salesUnit: { msn: "212345", environment: "simulator", credentials: SECRETS },
    baseUrl: stub.url,
    sink,
    tokenCache: new TokenCache(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    system: { name: "merchant-ops", version: "0.1.0", pluginName: "ops-ecom", pluginVersion: "1.0.0" },
    ...overrides,
  });
  return { client, sink, sleeps };
}

export const paymentBody = (orderId: string) => ({
  orderId,
  transactionInfo: {
    amount: 20000,
    status: "Captured",
    timeStamp: "2024-01-01T12:00:00.000Z",
    transactionId: "5600727726",
    transactionText: "Shipped",
  },
  transactionSummary: {
    capturedAmount: 20000,
    refundedAmount: 0,
    remainingAmountToCapture: 0,
    remainingAmountToRefund: 20000,
  },
});

export const detailsBody = (orderId: string) => ({
  orderId,
  transactionSummary: {
    capturedAmount: 0,
    refundedAmount: 0,
    remainingAmountToCapture: 20000,
    remainingAmountToRefund: 0,
    bankIdentificationNumber: 492560,
  },
  transactionLogHistory: [
    {
      amount: 20000,
      operation: "RESERVE",
      operationSuccess: true,
      transactionText: "Socks",
      transactionId: "5600727725",
      timeStamp: "2024-01-01T12:00:00.000Z",
      requestId: "",
    },
    {
      amount: 20000,
      operation: "INITIATE",
      operationSuccess: true,
      transactionText: "Socks",
      transactionId: "5600727725",
      timeStamp: "2024-01-01T11:59:00.000Z",
      requestId: "",
    },
  ],
  userDetails: { email: "a@b.no", firstName: "Ada", lastName: "L", mobileNumber: "91234567", userId: "u1" },
});
