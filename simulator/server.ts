// The simulator's HTTP server. Never crashes on input: any unexpected error becomes the API's 500/99.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl, sweepTimeouts } from "./controls";
import { inGatewayFormat, internalError, type SimResponse } from "./errors";
import { RateLimiter } from "./limits";
import { Store } from "./store";
import { handleVipps, type Outcome } from "./vipps-api";

const MAX_BODY = 1024 * 1024;

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Persist state here (JSON). Unset: in memory only (tests). */
  stateFile?: string;
  log?: (line: string) => void;
}

export interface Simulator {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<{ raw: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve({ raw: Buffer.concat(chunks).toString("utf8"), tooLarge }));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, r: SimResponse) {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r.body === undefined) {
    res.writeHead(r.status, { ...headers, "Content-Length": "0" });
    res.end();
    return;
  }
  const payload = JSON.stringify(r.body);
  res.writeHead(r.status, {
    ...headers,
    "Content-Type": "application/json;charset=UTF-8",
    "Content-Length": Buffer.byteLength(payload).toString(),
  });
  res.end(payload);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const store = new Store(options.stateFile);
  const limiter = new RateLimiter();
  const log = options.log ?? (() => {});

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const method = (req.method ?? "GET").toUpperCase();
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
    try {
      const { raw, tooLarge } = await readBody(req);
      let body: unknown;
      let bodyError: string | undefined;
      if (tooLarge) bodyError = "The request body is larger than 1 MB";
      else if (raw.trim()) {
        try {
          body = JSON.parse(raw);
        } catch {
          bodyError = "The request body is not valid JSON";
        }
      }
      if (url.pathname.startsWith("/_sim/")) {
        send(
          res,
          bodyError
            ? { status: 400, body: { error: bodyError } }
            : await handleControl(store, limiter, method, url.pathname, body),
        );
        return;
      }
      const outcome: Outcome = await handleVipps(store, limiter, {
        method,
        path: url.pathname,
        headers,
        body,
        bodyError,
        host: headers.host ?? "localhost",
      });
      if (outcome.delayMs) await sleep(outcome.delayMs);
      if (outcome.kind === "respond")
        send(res, inGatewayFormat(outcome.response, store.state.settings.gatewayErrorFormat));
      else res.socket?.destroy(); // reset, or a response lost after the operation was applied
    } catch (err) {
      log(`simulator error on ${method} ${url.pathname}: ${(err as Error).message}`);
      if (!res.headersSent) send(res, internalError());
    }
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const sweeper = setInterval(() => sweepTimeouts(store), 5000);
  sweeper.unref();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    close: async () => {
      clearInterval(sweeper);
      store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
