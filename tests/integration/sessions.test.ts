// Server-side sessions (issue 8, probe "a session outlives sign-out"): a saved cookie names a
// UserSession, and from the next request on it is worth nothing after sign-out, "sign out
// everywhere", a deactivation, a change of role, sales units or payment access, a password change,
// 2 hours idle or 12 hours in all. Sign-in is also limited per client address, across instances.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions, endSession, resumeSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "@/lib/auth/sessions";
import { createLimiter, type LimiterStore } from "@/lib/limits";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const kinds = await databaseKinds();
const t0 = new Date("2026-11-30T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const client = { address: "203.0.113.7", userAgent: "Mozilla/5.0 test" };

describe.each(kinds)("sessions on %s", (kind) => {
  let db: TestDb;
  let n = 0;
  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await db.prisma.salesUnit.createMany({
      data: [
        { msn: "212345", name: "A", environment: "simulator" },
        { msn: "212346", name: "B", environment: "simulator" },
      ],
    });
  });
  afterAll(async () => db?.close());

  /** A fresh user signed in at t0: its id and the session the cookie would name. */
  async function signedIn() {
    const email = `s${++n}-${kind}@example.no`;
    const user = await db.prisma.user.create({
      data: { email, name: email, role: "finance", passwordHash: await hashPassword("right-password") },
    });
    const unit = await db.prisma.salesUnit.findUniqueOrThrow({ where: { msn: "212345" } });
    await db.prisma.userSalesUnit.create({ data: { userId: user.id, salesUnitId: unit.id } });
    const out = await authenticate(db.prisma, { email, password: "right-password" }, t0, { client });
    if (!out.ok) throw new Error(`sign-in failed: ${out.reason}`);
    return { userId: user.id, sessionId: out.user.sid, email };
  }
  const resume = (ids: { userId: string; sessionId: string }, when: Date) => resumeSession(db.prisma, ids, when);
  const endReason = async (sessionId: string) =>
    (await db.prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } })).endReason;

  it("a sign-in starts a session with the address and browser; the cookie's ids resume it", async () => {
    const s = await signedIn();
    const row = await db.prisma.userSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(row).toMatchObject({
      userId: s.userId,
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0 test",
      endedAt: null,
    });
    expect(row.expiresAt.getTime() - t0.getTime()).toBe(SESSION_ABSOLUTE_MS);
    expect((await resume(s, at(5)))?.user.email).toBe(s.email);
    // A cookie naming another user's session, or a made-up one, resumes nothing.
    const other = await signedIn();
    expect(await resume({ userId: s.userId, sessionId: other.sessionId }, at(5))).toBeNull();
    expect(await resume({ userId: s.userId, sessionId: "not-a-uuid" }, at(5))).toBeNull();
  });

  it("sign-out ends this session only; sign out everywhere ends them all", async () => {
    const s = await signedIn();
    const second = await authenticate(db.prisma, { email: s.email, password: "right-password" }, t0, { client });
    if (!second.ok) throw new Error("second sign-in failed");
    const other = { userId: s.userId, sessionId: second.user.sid };
    await endSession(db.prisma, s.sessionId, "sign_out", at(1));
    expect(await resume(s, at(2))).toBeNull();
    expect(await resume(other, at(2))).not.toBeNull();
    expect(await endAllSessions(db.prisma, s.userId, "sign_out_everywhere", at(3))).toBe(1);
    expect(await resume(other, at(4))).toBeNull();
    expect(await endReason(other.sessionId)).toBe("sign_out_everywhere");
  });

  it.each([
    ["a role change", (id: string) => db.prisma.user.update({ where: { id }, data: { role: "support" } })],
    [
      "a payment-access change",
      (id: string) => db.prisma.user.update({ where: { id }, data: { canViewPayments: true } }),
    ],
    [
      "a new sales unit",
      async (id: string) => {
        const unit = await db.prisma.salesUnit.findUniqueOrThrow({ where: { msn: "212346" } });
        await db.prisma.userSalesUnit.create({ data: { userId: id, salesUnitId: unit.id } });
      },
    ],
    ["a removed sales unit", (id: string) => db.prisma.userSalesUnit.deleteMany({ where: { userId: id } })],
    [
      "a password change",
      async (id: string) =>
        db.prisma.user.update({ where: { id }, data: { passwordHash: await hashPassword("another-password") } }),
    ],
  ])("%s ends every existing session at the next request", async (_what, change) => {
    const s = await signedIn();
    expect(await resume(s, at(1))).not.toBeNull();
    await change(s.userId);
    expect(await resume(s, at(2))).toBeNull();
    expect(await endReason(s.sessionId)).toBe("rights_changed");
  });

  it("a deactivated user's sessions end, and stay ended after reactivation", async () => {
    const s = await signedIn();
    await db.prisma.user.update({ where: { id: s.userId }, data: { active: false } });
    expect(await resume(s, at(1))).toBeNull();
    expect(await endReason(s.sessionId)).toBe("deactivated");
    await db.prisma.user.update({ where: { id: s.userId }, data: { active: true } });
    expect(await resume(s, at(2))).toBeNull();
  });

  it("ends after 2 hours without a request, and 12 hours after sign-in however busy", async () => {
    const idle = await signedIn();
    expect(await resume(idle, new Date(t0.getTime() + SESSION_IDLE_MS - 60_000))).not.toBeNull();
    // that request counted as activity: another idle stretch from there is still fine …
    expect(await resume(idle, new Date(t0.getTime() + 2 * SESSION_IDLE_MS - 120_000))).not.toBeNull();
    // … but not a full idle period more.
    expect(await resume(idle, new Date(t0.getTime() + 3 * SESSION_IDLE_MS))).toBeNull();
    expect(await endReason(idle.sessionId)).toBe("idle");

    const busy = await signedIn();
    for (let m = 30; m < 12 * 60; m += 30) expect(await resume(busy, at(m))).not.toBeNull();
    expect(await resume(busy, at(12 * 60))).toBeNull();
    expect(await endReason(busy.sessionId)).toBe("expired");
  });

  it("limits failed sign-ins per client address across emails, and tells the caller when to come back", async () => {
    const store: LimiterStore =
      kind === "postgres" && db.url
        ? { kind: "pg", pool: new pg.Pool({ connectionString: db.url, max: 2 }) }
        : { kind: "memory" };
    const limiter = createLimiter(store, { name: `t-${kind}`, points: 5, windowSeconds: 900 });
    const attacker = { address: "198.51.100.9", userAgent: null };
    try {
      for (let i = 0; i < 5; i++) {
        const out = await authenticate(db.prisma, { email: `victim${i}@example.no`, password: "guess" }, t0, {
          client: attacker,
          addressLimiter: limiter,
        });
        expect(out).toEqual({ ok: false, reason: "invalid" });
      }
      // The sixth email from the same address is refused before any password is checked …
      const s = await signedIn();
      const refused = await authenticate(db.prisma, { email: s.email, password: "right-password" }, t0, {
        client: attacker,
        addressLimiter: limiter,
      });
      expect(refused).toMatchObject({ ok: false, reason: "address_throttled" });
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(800);
      // … while the same person from another address signs in.
      const ok = await authenticate(db.prisma, { email: s.email, password: "right-password" }, t0, {
        client,
        addressLimiter: limiter,
      });
      expect(ok.ok).toBe(true);
      expect(await db.prisma.auditLog.count({ where: { action: "sign_in", outcome: "throttled" } })).toBeGreaterThan(0);
    } finally {
      if (store.kind === "pg") await store.pool.end();
    }
  });

  it.runIf(kind === "postgres")("the address limit holds across two app instances sharing PostgreSQL", async () => {
    const pools = [
      new pg.Pool({ connectionString: db.url, max: 2 }),
      new pg.Pool({ connectionString: db.url, max: 2 }),
    ];
    try {
      const rule = { name: `shared-${Date.now()}`, points: 10, windowSeconds: 60 };
      const [a, b] = pools.map((pool) => createLimiter({ kind: "pg", pool }, rule));
      const decisions = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a! : b!).consume("203.0.113.50")),
      );
      expect(decisions.filter((d) => d.ok)).toHaveLength(10);
      expect(decisions.filter((d) => !d.ok)).toHaveLength(10);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
