// Error spikes on PGlite and PostgreSQL, from rollups written by writeCalls: an alert opens for a
// spike against its own baseline and not for low volume; two detection rounds at once (two app
// instances) open one alert and post one webhook; an alert stays open, then closes when the rate
// falls back; reopening within the cooldown posts nothing; a failed post is retried with backoff up
// to three tries and a delivered one never posted again; scoping to the user's sales units; the
// settings (write-only encrypted URL, admins only, bad input) and "send test".
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { writeCalls } from "@/lib/api-log/rollups";
import { listSpikeAlerts, openSpikeAlerts } from "@/lib/spikes/alerts";
import { runSpikeRound } from "@/lib/spikes/loop";
import { loadWebhookView, saveWebhookSettings, testWebhook, type WebhookChange } from "@/lib/spikes/settings";
import { postWebhook } from "@/lib/spikes/webhook";
import { databaseKinds } from "../helpers/databases";
import { actor } from "../helpers/ingest";
import { useDatabaseWithSecondPool } from "../helpers/second-pool";

const kinds = await databaseKinds();
const T0 = new Date(Date.UTC(2026, 10, 30, 12, 30, 20));
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const A = "212345";
const B = "299999";

/** A capture answered 200 in A, in production; `over` changes any field. */
const CAPTURE = { msn: A, environment: "production", operation: "capture", method: "POST", httpStatus: 200 } as const;
const call = (when: Date, over: Partial<Prisma.ApiCallLogCreateManyInput> = {}): Prisma.ApiCallLogCreateManyInput => ({
  ...CAPTURE,
  at: when,
  path: "/ecomm/v2/payments/{orderId}/capture",
  durationMs: 40,
  ...over,
});

/** `calls` calls in the 10 minutes before `end`, the first `errors` of them answered 500. */
const burst = (end: Date, calls: number, errors: number, over: Partial<Prisma.ApiCallLogCreateManyInput> = {}) =>
  Array.from({ length: calls }, (_, i) =>
    call(new Date(end.getTime() - (i % 10) * 60_000), { ...(i < errors ? { httpStatus: 500 } : {}), ...over }),
  );

interface Receiver {
  url: string;
  bodies: { text: string; blocks?: unknown[] }[];
  status: number;
  delayMs: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const r = { bodies: [], status: 200, delayMs: 0 } as unknown as Receiver;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    r.bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    await new Promise((ok) => setTimeout(ok, r.delayMs));
    res.writeHead(r.status, { "Content-Type": "text/plain" }).end(r.status === 200 ? "ok" : "no_service");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-token`;
  r.close = () => new Promise((ok) => server.close(() => ok()));
  return r;
}

/** A URL nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return `http://127.0.0.1:${port}/hook`;
}

describe.each(kinds)("error spikes on %s", (kind) => {
  const pools = useDatabaseWithSecondPool(kind);
  let receiver: Receiver;
  const key = randomBytes(32);
  const admin = actor("admin");
  const dev = { ...actor("developer", [A]), canViewPayments: false };
  const settings = (over: Partial<WebhookChange> = {}): WebhookChange => ({
    url: receiver.url,
    removeUrl: false,
    enabled: true,
    cooldownMinutes: 60,
    locale: "en",
    ...over,
  });
  /** A second app instance: another pool on PostgreSQL; on PGlite (one process) the same client. */
  const other = () => pools.second?.prisma ?? pools.db.prisma;
  const round = (now: Date, client = pools.db.prisma) => runSpikeRound({ db: client, encryptionKey: key, now });
  const alertsOf = (msn: string) =>
    pools.db.prisma.spikeAlert.findMany({ where: { msn }, orderBy: { openedAt: "asc" } });

  beforeAll(async () => {
    receiver = await startReceiver();
    await pools.db.prisma.salesUnit.create({ data: { msn: A, name: "Demo shop", environment: "production" } });
    // Two days of history for A's captures: 1 % errors.
    await writeCalls(
      pools.db.prisma,
      Array.from({ length: 500 }, (_, i) =>
        call(new Date(T0.getTime() - 20 * 60_000 - i * 5 * 60_000), i % 100 === 0 ? { httpStatus: 500 } : {}),
      ),
    );
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it("settings: admins only, bad input changes nothing, the URL is stored encrypted and never shown", async () => {
    await expect(saveWebhookSettings(pools.db.prisma, dev, settings(), key)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await saveWebhookSettings(pools.db.prisma, admin, settings({ url: undefined }), key)).toEqual({
      ok: false,
      code: "needsUrl",
    });
    expect(await pools.db.prisma.spikeWebhook.count()).toBe(0);
    expect(await saveWebhookSettings(pools.db.prisma, admin, settings(), key)).toEqual({ ok: true });
    const row = await pools.db.prisma.spikeWebhook.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.urlEncrypted).not.toContain("secret-token");
    const view = await loadWebhookView(pools.db.prisma, admin);
    expect(view).toMatchObject({ urlSet: true, enabled: true, cooldownMinutes: 60, locale: "en" });
    expect(JSON.stringify(view)).not.toContain("secret-token");
    await expect(loadWebhookView(pools.db.prisma, dev)).rejects.toMatchObject({ code: "forbidden" });
    // Saving without a new URL keeps the stored one.
    await saveWebhookSettings(pools.db.prisma, admin, settings({ url: undefined, cooldownMinutes: 60 }), key);
    expect((await loadWebhookView(pools.db.prisma, admin)).urlSet).toBe(true);
    const audits = await pools.db.prisma.auditLog.findMany({ where: { action: "spike_webhook_updated" } });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain("secret-token");
  });

  it("send test: the receiver's answer, or why there was none", async () => {
    expect(await testWebhook(pools.db.prisma, admin, undefined, key, "en")).toEqual({
      ok: true,
      outcome: { ok: true, status: 200 },
    });
    expect(receiver.bodies.pop()).toEqual({ text: expect.stringContaining("Test from Merchant Ops") });
    receiver.status = 404;
    expect(await testWebhook(pools.db.prisma, admin, receiver.url, key, "nb")).toMatchObject({
      outcome: { ok: false, reason: "http", status: 404 },
    });
    receiver.bodies.pop();
    receiver.status = 200;
    expect(await testWebhook(pools.db.prisma, admin, await closedPortUrl(), key, "nb")).toMatchObject({
      outcome: { ok: false, reason: "refused" },
    });
    receiver.delayMs = 500;
    expect(await postWebhook(receiver.url, { text: "slow" }, { timeoutMs: 100 })).toEqual({
      ok: false,
      reason: "timeout",
    });
    receiver.delayMs = 0;
    receiver.bodies.length = 0;
    await expect(testWebhook(pools.db.prisma, dev, undefined, key, "nb")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("two rounds at once (two instances) open one alert and post one webhook; low volume opens none", async () => {
    await writeCalls(pools.db.prisma, [
      ...burst(T0, 30, 12), // 40 % against a 1 % baseline
      ...burst(T0, 2, 1, { operation: "details", method: "GET" }), // 1 of 2: too little to say
      ...burst(T0, 40, 3, { operation: "refund" }), // 3 errors: under the minimum
    ]);
    await Promise.all([round(T0), round(T0, other())]);
    const alerts = await alertsOf(A);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      operation: "capture",
      environment: "production",
      calls: 30,
      errors: 12,
      closedAt: null,
      notifyState: "sent",
      notifyStatus: 200,
      baselineCalls: 500,
    });
    expect(alerts[0]!.baselineRate).toBeCloseTo(0.01);
    expect(receiver.bodies).toHaveLength(1);
    expect(receiver.bodies[0]!.text).toContain("Error spike: capture in Demo shop (212345)");
    expect(receiver.bodies[0]!.blocks).toHaveLength(1);
  });

  it("stays open while the rate holds, and shows only in the user's sales units", async () => {
    await writeCalls(pools.db.prisma, [...burst(at(5), 20, 16), ...burst(at(5), 20, 10, { msn: B })]);
    await round(at(5));
    const [a] = await alertsOf(A);
    expect(a).toMatchObject({ closedAt: null, notifyState: "sent" });
    expect(a!.peakRate).toBeGreaterThan(0.4);
    // B has no history: 50 % against no baseline is a spike; its own message.
    expect(await alertsOf(B)).toMatchObject([{ baselineCalls: 0, baselineRate: 0, notifyState: "sent" }]);
    expect(receiver.bodies).toHaveLength(2);
    expect((await openSpikeAlerts(pools.db.prisma, dev)).map((s) => s.msn)).toEqual([A]);
    expect((await listSpikeAlerts(pools.db.prisma, dev)).alerts.map((s) => s.msn)).toEqual([A]);
    expect((await openSpikeAlerts(pools.db.prisma, admin)).map((s) => s.msn).sort()).toEqual([A, B]);
    const outsider = { ...actor("developer", ["111111"]), canViewPayments: false };
    expect((await listSpikeAlerts(pools.db.prisma, outsider)).alerts).toEqual([]);
    // Paging with another unit's alert as the cursor reveals nothing.
    const bAlert = (await alertsOf(B))[0]!;
    expect((await listSpikeAlerts(pools.db.prisma, dev, bAlert.id)).alerts.map((s) => s.msn)).toEqual([A]);
  });

  it("closes when the rate falls back; reopening within the cooldown posts nothing", async () => {
    await writeCalls(pools.db.prisma, burst(at(30), 30, 0));
    const closing = await round(at(30));
    expect(closing.closed).toHaveLength(2);
    expect((await alertsOf(A))[0]!.closedAt).toEqual(at(30));
    expect(await openSpikeAlerts(pools.db.prisma, admin)).toEqual([]);

    await writeCalls(pools.db.prisma, burst(at(40), 30, 15));
    await Promise.all([round(at(40)), round(at(40), other())]);
    const again = await alertsOf(A);
    expect(again).toHaveLength(2);
    expect(again[1]).toMatchObject({ closedAt: null, notifyState: "skipped", notifyReason: "cooldown" });
    expect(receiver.bodies).toHaveLength(2);
  });

  it("after the cooldown a new spike posts again; a failed post is tried again with backoff, delivered once", async () => {
    await writeCalls(pools.db.prisma, burst(at(70), 30, 0));
    await round(at(70));
    receiver.status = 500;
    await writeCalls(pools.db.prisma, burst(at(100), 30, 20));
    await round(at(100));
    const third = async () => (await alertsOf(A))[2]!;
    // The first try failed: the answer is kept, the next try waits a minute.
    expect(await third()).toMatchObject({
      notifyState: "pending",
      notifyReason: "http",
      notifyStatus: 500,
      notifyTries: 1,
      notifyRetryAt: at(101),
    });
    expect(receiver.bodies).toHaveLength(3);
    await round(new Date(at(101).getTime() - 1)); // not due yet
    expect(receiver.bodies).toHaveLength(3);
    await round(at(101));
    expect(await third()).toMatchObject({ notifyState: "pending", notifyTries: 2, notifyRetryAt: at(106) });
    expect(receiver.bodies).toHaveLength(4);
    // The receiver is back; two instances at once post the third try once.
    receiver.status = 200;
    await Promise.all([round(at(106)), round(at(106), other())]);
    expect(await third()).toMatchObject({
      notifyState: "sent",
      notifyStatus: 200,
      notifyReason: null,
      notifyTries: 3,
      notifyRetryAt: null,
    });
    expect(receiver.bodies).toHaveLength(5);
    expect(receiver.bodies[4]!.text).toContain("capture");
    // Delivered: later rounds never post it again.
    await round(at(110));
    await round(at(120));
    expect(receiver.bodies).toHaveLength(5);
  });

  it("a receiver that keeps failing: three tries, then failed for good", async () => {
    receiver.status = 503;
    const status = { operation: "status", method: "GET" } as const;
    await writeCalls(pools.db.prisma, burst(at(130), 20, 12, status));
    const alert = () => pools.db.prisma.spikeAlert.findFirstOrThrow({ where: { operation: "status" } });
    for (const [minute, tries] of [
      [130, 1],
      [131, 2],
      [136, 3],
    ] as const) {
      await round(at(minute));
      expect((await alert()).notifyTries, `at ${minute}`).toBe(tries);
    }
    expect(await alert()).toMatchObject({
      notifyState: "failed",
      notifyReason: "http",
      notifyStatus: 503,
      notifyRetryAt: null,
    });
    expect(receiver.bodies).toHaveLength(8);
    await round(at(150));
    expect(receiver.bodies).toHaveLength(8);
    receiver.status = 200;
  });

  it("a retry respects the cooldown: held back when a newer spike of its key was delivered meanwhile", async () => {
    receiver.status = 500;
    const approve = { operation: "approve", method: "POST" } as const;
    const alerts = () =>
      pools.db.prisma.spikeAlert.findMany({ where: { operation: "approve" }, orderBy: { openedAt: "asc" } });
    await writeCalls(pools.db.prisma, burst(at(160), 20, 12, approve));
    await round(at(160)); // first try fails
    await writeCalls(pools.db.prisma, burst(at(180), 30, 0, approve));
    await round(at(180)); // it closes; its second try fails
    expect((await alerts())[0]).toMatchObject({ notifyState: "pending", notifyTries: 2, notifyRetryAt: at(185) });
    receiver.status = 200;
    await writeCalls(pools.db.prisma, burst(at(182), 30, 20, approve));
    await round(at(182)); // a new spike of the same key opens and is delivered
    await round(at(185)); // the old one's third try is due, but its key was notified 3 minutes ago
    const [old, fresh] = await alerts();
    expect(fresh).toMatchObject({ closedAt: null, notifyState: "sent", notifyTries: 1 });
    expect(old).toMatchObject({ notifyState: "skipped", notifyReason: "cooldown", notifyTries: 2 });
    expect(receiver.bodies).toHaveLength(11);
  });

  it("switched off: spikes are still recorded, and say why nothing was sent", async () => {
    await saveWebhookSettings(pools.db.prisma, admin, settings({ url: undefined, enabled: false }), key);
    await writeCalls(pools.db.prisma, burst(at(100), 20, 20, { operation: "cancel", method: "PUT" }));
    await round(at(100));
    const cancel = await pools.db.prisma.spikeAlert.findFirstOrThrow({ where: { operation: "cancel" } });
    expect(cancel).toMatchObject({ notifyState: "skipped", notifyReason: "disabled" });
    expect(receiver.bodies).toHaveLength(11);
  });
});
