import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { DEMO_USERS } from "@/lib/auth/demo-users";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoUsers } from "@/lib/seed/demo";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const kinds = await databaseKinds();
const support = DEMO_USERS.find((u) => u.role === "support")!;
const admin = DEMO_USERS.find((u) => u.role === "admin")!;
const t0 = new Date("2026-11-21T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

describe.each(kinds)("sign-in on %s", (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await createUnits(db);
    await seedDemoUsers(db.prisma);
  });
  afterAll(async () => db?.close());

  async function newUser(email: string, password = "right-password") {
    await db.prisma.user.create({
      data: { email, name: email, role: "finance", passwordHash: await hashPassword(password) },
    });
  }

  it("signs a demo user in with the role and sales units from the database", async () => {
    const out = await authenticate(db.prisma, { email: support.email.toUpperCase(), password: support.password }, t0);
    expect(out).toEqual({
      ok: true,
      user: expect.objectContaining({ email: support.email, role: "support", msns: ["212345", "212346"] }),
    });
  });

  it("gives the same refusal for a wrong password and an unknown email", async () => {
    const wrong = await authenticate(db.prisma, { email: admin.email, password: "nope" }, t0);
    const unknown = await authenticate(db.prisma, { email: "nobody@demo.merchantops.no", password: "nope" }, t0);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("ignores a role or MSN smuggled beside the credentials", async () => {
    const raw = { email: support.email, password: support.password, role: "admin", msns: ["999999"] } as Record<
      string,
      unknown
    >;
    const out = await authenticate(db.prisma, raw, t0);
    expect(out.ok && out.user.role).toBe("support");
    expect(out.ok && out.user.msns).not.toContain("999999");
  });

  it("refuses bad input before touching the database", async () => {
    const before = await db.prisma.auditLog.count();
    const email = `input-${kind}@example.no`;
    expect(await authenticate(db.prisma, { email: "", password: "x" }, t0)).toEqual({
      ok: false,
      reason: "email_required",
    });
    expect(await authenticate(db.prisma, { email, password: "x".repeat(2000) }, t0)).toEqual({
      ok: false,
      reason: "too_long",
    });
    expect(await db.prisma.auditLog.count()).toBe(before);
    expect(await db.prisma.loginThrottle.count({ where: { email } })).toBe(0);
  });

  it("locks an email after 10 failures in 15 minutes, for 15 minutes, even for the right password", async () => {
    const email = `lock-${kind}@example.no`;
    await newUser(email);
    for (let i = 0; i < 9; i++) {
      expect(await authenticate(db.prisma, { email, password: "wrong" }, minutes(i))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const tenth = await authenticate(db.prisma, { email, password: "wrong" }, minutes(9));
    expect(tenth).toEqual({ ok: false, reason: "locked", lockedUntil: minutes(24) });
    expect(await authenticate(db.prisma, { email, password: "right-password" }, minutes(10))).toEqual({
      ok: false,
      reason: "locked",
      lockedUntil: minutes(24),
    });
    expect(await authenticate(db.prisma, { email, password: "right-password" }, minutes(23))).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await authenticate(db.prisma, { email, password: "right-password" }, minutes(24))).toMatchObject({
      ok: true,
    });
  });

  it("does not lock for 10 failures spread over more than 15 minutes", async () => {
    const email = `spread-${kind}@example.no`;
    await newUser(email);
    for (let i = 0; i < 10; i++) {
      expect(await authenticate(db.prisma, { email, password: "wrong" }, minutes(i * 2))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it("resets the count after a successful sign-in", async () => {
    const email = `reset-${kind}@example.no`;
    await newUser(email);
    for (let i = 0; i < 9; i++) await authenticate(db.prisma, { email, password: "wrong" }, minutes(i));
    expect(await authenticate(db.prisma, { email, password: "right-password" }, minutes(9))).toMatchObject({
      ok: true,
    });
    expect(await authenticate(db.prisma, { email, password: "wrong" }, minutes(10))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("locks an email nobody has, so the lock reveals nothing", async () => {
    const email = `ghost-${kind}@example.no`;
    let last;
    for (let i = 0; i < 10; i++) last = await authenticate(db.prisma, { email, password: "x" }, minutes(i));
    expect(last).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts parallel failures exactly (two app instances, one database)", async () => {
    const email = `parallel-${kind}@example.no`;
    await newUser(email);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => authenticate(db.prisma, { email, password: "wrong" }, t0)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(1);
    expect(await authenticate(db.prisma, { email, password: "right-password" }, minutes(1))).toMatchObject({
      ok: false,
      reason: "locked",
    });
  });

  it("refuses a deactivated user like a wrong password", async () => {
    const email = `inactive-${kind}@example.no`;
    await newUser(email);
    await db.prisma.user.update({ where: { email }, data: { active: false } });
    expect(await authenticate(db.prisma, { email, password: "right-password" }, t0)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("audits every attempt without storing the password", async () => {
    const rows = await db.prisma.auditLog.findMany({
      where: { userEmail: support.email, action: "sign_in" },
      select: { userEmail: true, outcome: true, details: true },
    });
    expect(rows.map((r) => r.outcome)).toContain("success");
    expect(JSON.stringify(rows)).not.toContain(support.password);
  });
});

describe("demo users", () => {
  it("are seeded idempotently: a second run creates nothing and keeps changed passwords", async () => {
    const db = await migratedDatabase("pglite");
    try {
      await createUnits(db);
      expect(await seedDemoUsers(db.prisma)).toEqual({ users: 4 });
      await db.prisma.user.update({
        where: { email: admin.email },
        data: { passwordHash: await hashPassword("changed") },
      });
      expect(await seedDemoUsers(db.prisma)).toEqual({ users: 0 });
      expect(await authenticate(db.prisma, { email: admin.email, password: "changed" })).toMatchObject({ ok: true });
    } finally {
      await db.close();
    }
  });
});

/** Two of the demo's sales units; support is given 212345-212347, so it sees both of these. */
async function createUnits(db: TestDb) {
  for (const msn of ["212345", "212346", "212348"]) {
    await db.prisma.salesUnit.create({
      data: {
        msn,
        name: `Unit ${msn}`,
        environment: "simulator",
        credentialsEncrypted: randomBytes(40).toString("base64"),
      },
    });
  }
}
