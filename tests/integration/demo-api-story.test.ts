// The demo's 30 days of API calls, as a developer sees them in the error dashboard (loadDashboard):
// the bad deploy's 5xx peak, the rate-limit bursts, the 401s after the key rotation and the users'
// steady refusals are all there, at the times storyIncidents names; the rollups equal the raw rows;
// bodies are masked; the same seed and `now` give the same calls. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDashboard, type Dashboard } from "@/lib/api-errors/dashboard";
import { planApiStory, storyIncidents, STORY_DAYS, STORY_MSNS, type StoryOrder } from "@/lib/seed/api-story";
import { storyRecord } from "@/lib/seed/api-story-calls";
import { DEMO_UNITS } from "@/lib/seed/scenarios";
import { seedApiStory } from "@/lib/seed/api-story-seed";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";
import { actor } from "../helpers/ingest";

const kinds = await databaseKinds();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
const incidents = storyIncidents(NOW);
const admin = actor("admin");
/** Seeded payments, every fourth day from 40 days back: the story's reads and bursts name them. */
const ORDERS: StoryOrder[] = STORY_MSNS.flatMap((msn, u) =>
  Array.from({ length: 10 }, (_, i) => ({
    msn,
    orderId: `FS-10${u}${i}-demo`,
    amount: 24900,
    at: NOW - (40 - i * 4) * DAY,
  })),
);
// The gateway's 503 carries its own code ("HTTP 503 · 1000"); its 502 is an HTML page without one.
const SERVER_KEYS = ["VippsError/99", "HTTP 502", "HTTP 503 · 1000"];
const serverErrors = (b: Dashboard["series"][number]) => SERVER_KEYS.reduce((s, k) => s + (b.counts[k] ?? 0), 0);

describe.each(kinds)("the demo's API story on %s", (kind) => {
  let db: TestDb;
  let seeded: { calls: number; ms: number };

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await db.prisma.salesUnit.createMany({
      data: DEMO_UNITS.map((u) => ({ msn: u.msn, name: u.name, environment: "simulator", captureType: u.captureType })),
    });
    await db.prisma.payment.createMany({
      data: ORDERS.map((o) => ({ msn: o.msn, orderId: o.orderId, amount: o.amount, initiatedAt: new Date(o.at) })),
    });
    seeded = await seedApiStory(db.prisma, { now: NOW });
    console.log(`story on ${kind}: ${seeded.calls} calls in ${seeded.ms} ms`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("covers the 30 days before the seed time, with rollups equal to the raw rows", async () => {
    expect(seeded.calls).toBeGreaterThan(10_000);
    const span = await db.prisma.apiCallLog.aggregate({ _count: true, _min: { at: true }, _max: { at: true } });
    expect(span._count).toBe(seeded.calls);
    expect(span._min.at!.getTime()).toBeGreaterThanOrEqual(NOW - STORY_DAYS * DAY);
    expect(span._min.at!.getTime()).toBeLessThan(NOW - (STORY_DAYS - 1) * DAY);
    expect(span._max.at!.getTime()).toBeLessThan(NOW);
    const mismatches = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT date_trunc('minute', "at") AS minute, "msn", "operation", coalesce("httpStatus", 0) AS status,
          coalesce("errorGroup", '') AS "group", coalesce("errorCode", '') AS code, count(*)::int AS calls
        FROM "ApiCallLog" GROUP BY 1, 2, 3, 4, 5, 6
      ) raw FULL JOIN "ApiCallRollup" r ON r."minute" = raw.minute AND r."msn" = raw."msn"
        AND r."operation" = raw."operation" AND r."httpStatus" = raw.status AND r."errorGroup" = raw."group"
        AND r."errorCode" = raw.code
      WHERE raw.calls IS DISTINCT FROM r."calls"`;
    expect(mismatches[0]!.n).toBe(0);
  });

  it("shows the 5xx, 429 and 401 groups and the users' everyday refusals in the 30-day view", async () => {
    const d = await loadDashboard(db.prisma, admin, { range: "30d" }, new Date(NOW));
    for (const key of [
      ...SERVER_KEYS,
      "HTTP 429",
      "HTTP 401",
      "network",
      "Payment/61",
      "Payment/71",
      "Payment/51",
      "Payment/42",
      "Payment/44",
      "Merchant/35",
      "User/81",
    ])
      expect(d.keys, key).toContain(key);
    expect(d.now.calls).toBeGreaterThan(10_000);
    expect(d.now.errors / d.now.calls).toBeGreaterThan(0.02);
    expect(d.now.errors / d.now.calls).toBeLessThan(0.1);
    expect(d.now.p95).toBeGreaterThanOrEqual(400);
    const top = (key: string, operation: string) => d.top.find((t) => t.key === key && t.operation === operation);
    // The key rotation: the token call refused, first for the old subscription key, then for the old secret.
    expect(top("HTTP 401", "accessToken")!.count).toBeGreaterThan(200);
    expect(top("HTTP 401", "accessToken")!.remedy.id).toBe("gateway.401.subscription-key-invalid");
    expect(d.top.some((t) => t.errorCode === "invalid_client" && t.remedy.id === "token.invalid-client")).toBe(true);
    expect(top("HTTP 429", "details")!.count).toBeGreaterThan(150);
    expect(top("VippsError/99", "initiate")!.remedy.id).toBe("vipps.VippsError.99");
  });

  it("has the bad deploy as the 5xx peak: in the 30 days and within its own day", async () => {
    const month = await loadDashboard(db.prisma, admin, { range: "30d" }, new Date(NOW));
    const peak = month.series.reduce((a, b) => (serverErrors(b) > serverErrors(a) ? b : a));
    expect(peak.at.getTime()).toBeLessThanOrEqual(incidents.deploy.from);
    expect(peak.at.getTime() + month.stepMs).toBeGreaterThan(incidents.deploy.from);
    const others = month.series.filter((b) => b !== peak).map(serverErrors);
    expect(serverErrors(peak)).toBeGreaterThan(10 * Math.max(...others, 1));

    const day = await loadDashboard(db.prisma, admin, { range: "24h" }, new Date(incidents.deploy.to + 6 * HOUR));
    const total = day.series.reduce((s, b) => s + serverErrors(b), 0);
    const inside = day.series
      .filter((b) => b.at.getTime() + day.stepMs > incidents.deploy.from && b.at.getTime() < incidents.deploy.to)
      .reduce((s, b) => s + serverErrors(b), 0);
    expect(inside).toBeGreaterThan(150);
    expect(inside).toBe(total);
  });

  it("puts every 429 in a polling burst and every 401 in the key rotation, on their sales units", async () => {
    const within = (rows: { at: Date; msn: string | null }[], windows: { msn: string; from: number; to: number }[]) =>
      rows.every((r) => windows.some((w) => r.msn === w.msn && r.at.getTime() >= w.from && r.at.getTime() < w.to));
    const limited = await db.prisma.apiCallLog.findMany({
      where: { httpStatus: 429 },
      select: { at: true, msn: true },
    });
    expect(within(limited, incidents.rateLimits)).toBe(true);
    expect(new Set(limited.map((r) => r.at.toISOString().slice(0, 10))).size).toBe(3);
    const refused = await db.prisma.apiCallLog.findMany({
      where: { httpStatus: 401 },
      select: { at: true, msn: true },
    });
    expect(within(refused, [incidents.keyRotation])).toBe(true);
    const timeouts = await db.prisma.apiCallLog.count({ where: { httpStatus: null, networkError: { not: null } } });
    expect(timeouts).toBeGreaterThanOrEqual(8);
  });

  it("names seeded payments and stores no token or phone number", async () => {
    const linked = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ApiCallLog" l JOIN "Payment" p ON p."msn" = l."msn" AND p."orderId" = l."orderId"`;
    expect(linked[0]!.n).toBeGreaterThan(500);
    const leaks = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ApiCallLog"
      WHERE "responseBody"::text ~ 'eyJ[A-Za-z0-9_-]+[.]' OR "requestBody"::text ~ '"mobileNumber": ?"[0-9]{8}"'`;
    expect(leaks[0]!.n).toBe(0);
    const masked = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ApiCallLog" WHERE "requestBody"::text ~ '"mobileNumber": "[*]{6}[0-9]{2}"'`;
    expect(masked[0]!.n).toBeGreaterThan(100);
  });
});

describe("the demo's API story plan", () => {
  it("is the same for the same seed and now, and another for another seed", () => {
    const one = planApiStory({ now: NOW, orders: ORDERS }).map(storyRecord);
    const two = planApiStory({ now: NOW, orders: ORDERS }).map(storyRecord);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const other = planApiStory({ now: NOW, orders: ORDERS, seed: 7 });
    expect(other.length).not.toBe(one.length);
  });

  it("places the incidents at Oslo times inside the 30 days", () => {
    const oslo = (ms: number) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", minute: "2-digit" }).format(ms);
    expect(oslo(incidents.deploy.from)).toBe("14:05");
    expect(incidents.deploy.to - incidents.deploy.from).toBe(40 * 60_000);
    expect(oslo(incidents.keyRotation.from)).toBe("09:40");
    for (const w of [incidents.deploy, incidents.keyRotation, ...incidents.rateLimits]) {
      expect(w.from).toBeGreaterThan(NOW - STORY_DAYS * DAY);
      expect(w.to).toBeLessThan(NOW);
    }
  });
});
