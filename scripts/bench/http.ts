// HTTP timing under `next start`: the built app against a benchmark database, a signed-in admin
// (Auth.js credentials over HTTP, as a browser does it), sequential GETs with the whole streamed
// body read.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { measure, type RunPlan, type Summary } from "./stats";

export const BENCH_USER = { email: "bench-admin@example.invalid", password: "bench-password-not-secret-1" };

/** Secrets for the benchmark server only (fresh each run; nothing outlives it). */
export function benchSecrets(): { AUTH_SECRET: string; ENCRYPTION_KEY: string } {
  return { AUTH_SECRET: randomBytes(32).toString("base64url"), ENCRYPTION_KEY: randomBytes(32).toString("base64") };
}

/** The admin the HTTP runs sign in as (idempotent). */
export async function ensureBenchUser(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(BENCH_USER.password);
  await prisma.user.upsert({
    where: { email: BENCH_USER.email },
    create: { email: BENCH_USER.email, name: "Bench admin", role: "admin", passwordHash },
    update: { passwordHash, active: true, role: "admin" },
  });
  await prisma.loginThrottle.deleteMany({ where: { email: BENCH_USER.email } });
}

export interface BuildInfo {
  present: boolean;
  buildId?: string;
  builtAt?: string;
  routes: string[];
  hasHistory: boolean;
}

export function buildInfo(root = process.cwd()): BuildInfo {
  const idFile = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(idFile)) return { present: false, routes: [], hasHistory: false };
  let routes: string[] = [];
  try {
    routes = Object.values(
      JSON.parse(readFileSync(path.join(root, ".next", "app-path-routes-manifest.json"), "utf8")) as Record<
        string,
        string
      >,
    );
  } catch {
    /* an older layout: no route list */
  }
  return {
    present: true,
    buildId: readFileSync(idFile, "utf8").trim(),
    builtAt: statSync(idFile).mtime.toISOString(),
    routes,
    // The history across sales units (/history with ?msn=) came with its export route.
    hasHistory: routes.includes("/api/history/export"),
  };
}

/** PIDs of `next build` processes running in this repository (someone else's build). */
export function runningBuilds(root = process.cwd()): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      // next renames its process title to "next-build (v16…)"; before that it is "node …/next build".
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
      const isNextBuild = /^next-build\b/.test(cmd) || /(^|\/|\s)next\s+build\b/.test(cmd);
      if (isNextBuild && readlinkSync(`/proc/${entry}/cwd`) === root) pids.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return pids;
}

export async function waitForBuilds(log: (line: string) => void, maxMs = 15 * 60_000): Promise<void> {
  const until = Date.now() + maxMs;
  let said = false;
  while (runningBuilds().length > 0 && Date.now() < until) {
    if (!said) log(`  waiting for a running next build (pid ${runningBuilds().join(", ")}) …`);
    said = true;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export interface AppServer {
  url: string;
  stop(): Promise<void>;
  child: ChildProcess;
}

export async function startApp(opts: {
  port: number;
  env: Record<string, string>;
  logFile: string;
}): Promise<AppServer> {
  const out = createWriteStream(opts.logFile);
  const child = spawn(
    process.execPath,
    // BENCH_NODE_ARGS in the app's env: Node flags not allowed in NODE_OPTIONS (e.g. --cpu-prof).
    [
      ...((opts.env.BENCH_NODE_ARGS ?? process.env.BENCH_NODE_ARGS)?.split(" ").filter(Boolean) ?? []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(opts.port),
      "-H",
      "127.0.0.1",
    ],
    {
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    out.end();
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${opts.logFile}`);
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`next start did not become healthy in 60 s; see ${opts.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop, child };
}

/** A tiny cookie jar: name → value, from Set-Cookie headers. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  names() {
    return [...this.cookies.keys()];
  }
}

/** Signs in through Auth.js' credentials callback; returns the Cookie header to send. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const jar = new Jar();
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${url}/` }).toString(),
  });
  jar.take(res);
  await res.arrayBuffer();
  if (!jar.names().some((n) => n.includes("session-token"))) {
    throw new Error(
      `sign-in failed (HTTP ${res.status}, location ${res.headers.get("location")}, cookies ${jar.names().join(",")})`,
    );
  }
  return jar.header();
}

export async function getPage(url: string, cookie: string, marker?: RegExp): Promise<string> {
  const res = await fetch(url, { headers: { Cookie: cookie, "Accept-Language": "nb" }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200)
    throw new Error(
      `GET ${url}: HTTP ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`,
    );
  if (marker && !marker.test(body)) throw new Error(`GET ${url}: the page lacks ${marker}`);
  return body;
}

/** The "next page" link of a history page (keyset cursor), or null. */
export function nextLinkOf(html: string): string | null {
  const m = /href="([^"]*[?&](?:amp;)?after=[^"]+)"/.exec(html);
  return m ? m[1]!.replace(/&amp;/g, "&") : null;
}

export async function timeGets(
  plan: RunPlan,
  urlFor: (i: number) => string,
  cookie: string,
  marker?: RegExp,
): Promise<Summary> {
  return measure(plan, (i) => getPage(urlFor(i), cookie, marker));
}
