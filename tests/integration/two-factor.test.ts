// Two-factor sign-in (issue 11 part 3), on PGlite and PostgreSQL, with a pinned clock: enrolment
// needs a right code; a password alone starts no session for an enrolled user; a TOTP code works once
// (replay refused within its window); a recovery code works once; wrong codes lock like wrong
// passwords; step-up asks again 10 minutes after the last code; turning it off is refused where the
// role requires it.
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Before any app module reads its configuration (env() is read lazily, on first use).
process.env.AUTH_SECRET = randomBytes(32).toString("hex");
process.env.ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.TWO_FACTOR_REQUIRED_ROLES = "admin,finance";

const { authenticate } = await import("@/lib/auth/authenticate");
const { hashPassword } = await import("@/lib/auth/password");
const { startSession } = await import("@/lib/auth/sessions");
const { confirmEnrolment, disableTwoFactor, enrolmentOffer, regenerateRecoveryCodes } =
  await import("@/lib/auth/two-factor/enrolment");
const { openTotpSecret } = await import("@/lib/auth/two-factor/secret-box");
const { completeSignIn } = await import("@/lib/auth/two-factor/sign-in");
const { checkStepUp } = await import("@/lib/auth/two-factor/step-up");
const { pendingToken } = await import("@/lib/auth/two-factor/pending");
const { databaseKinds, migratedDatabase } = await import("../helpers/databases");
type TestDb = Awaited<ReturnType<typeof migratedDatabase>>;
type Actor = import("@/lib/auth/permissions").Actor;

const kinds = await databaseKinds();
const t0 = new Date("2026-11-30T08:00:10Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const PASSWORD = "right-password";
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

describe.each(kinds)("two-factor sign-in on %s", (kind) => {
  let db: TestDb;
  let n = 0;
  beforeAll(async () => {
    db = await migratedDatabase(kind);
  });
  afterAll(async () => db?.close());

  const actorOf = (u: { id: string; email: string; role: Actor["role"] }, sessionId?: string): Actor => ({
    id: u.id,
    email: u.email,
    name: u.email,
    role: u.role,
    msns: [],
    allSalesUnits: u.role === "admin",
    canViewPayments: true,
    ...(sessionId ? { sessionId } : {}),
  });

  async function newUser(role: Actor["role"] = "support") {
    const email = `u${++n}-${kind}@example.no`;
    const user = await db.prisma.user.create({
      data: { email, name: email, role, passwordHash: await hashPassword(PASSWORD) },
    });
    return actorOf(user);
  }

  /** A user enrolled at t0 (the enrolment code used step t0), with their secret and recovery codes. */
  async function enrolled(role: Actor["role"] = "support") {
    const actor = await newUser(role);
    const offer = await enrolmentOffer(actor, t0);
    const out = await confirmEnrolment(
      db.prisma,
      actor,
      { token: offer.token, code: await codeAt(offer.secret, t0) },
      t0,
    );
    if (!out.ok) throw new Error(`enrolment failed: ${out.reason}`);
    return { actor, secret: offer.secret, recoveryCodes: out.recoveryCodes };
  }

  async function pendingFor(email: string, when: Date) {
    const out = await authenticate(db.prisma, { email, password: PASSWORD }, when);
    if (out.ok || out.reason !== "second_factor") throw new Error(`expected a code step, got ${JSON.stringify(out)}`);
    return out.pending;
  }

  it("enrolment stores nothing until a right code; then the secret sealed to the user and ten hashed codes", async () => {
    const actor = await newUser();
    const offer = await enrolmentOffer(actor, t0);
    expect(offer.uri).toMatch(/^otpauth:\/\/totp\/Merchant%20Ops:u\d+-\w+%40example\.no\?/);
    expect(offer.uri).toContain(`secret=${offer.secret}`);
    expect(offer.qrDataUri).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await confirmEnrolment(db.prisma, actor, { token: offer.token, code: "000000" }, t0);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    // Another user's form, or one past its 30 minutes, does not open.
    const other = await newUser();
    const code = await codeAt(offer.secret, t0);
    expect(await confirmEnrolment(db.prisma, other, { token: offer.token, code }, t0)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await confirmEnrolment(db.prisma, actor, { token: offer.token, code }, at(31 * 60))).toEqual({
      ok: false,
      reason: "expired",
    });
    let row = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(row.totpSecret).toBeNull();
    expect(row.totpEnabledAt).toBeNull();

    const ok = await confirmEnrolment(db.prisma, actor, { token: offer.token, code }, t0);
    expect(ok.ok).toBe(true);
    const codes = ok.ok ? ok.recoveryCodes : [];
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{2}$/);
    row = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(row.totpEnabledAt).toEqual(t0);
    expect(row.totpSecret).not.toContain(offer.secret);
    expect(openTotpSecret(actor.id, row.totpSecret!)).toBe(offer.secret);
    expect(() => openTotpSecret(other.id, row.totpSecret!)).toThrow();
    const stored = await db.prisma.recoveryCode.findMany({ where: { userId: actor.id } });
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(codes.map((c) => c.replace(/-/g, ""))).not.toContain(s.codeHash);
    expect(await db.prisma.auditLog.count({ where: { action: "two_factor_enrolled", userId: actor.id } })).toBe(1);
    // A second enrolment over the first is refused.
    const again = await enrolmentOffer(actor, t0);
    expect(
      await confirmEnrolment(
        db.prisma,
        actor,
        { token: again.token, code: await codeAt(again.secret, at(60)) },
        at(60),
      ),
    ).toEqual({ ok: false, reason: "already_enrolled" });
  });

  it("a right password alone starts no session for an enrolled user; the code does, audited with its factor", async () => {
    const { actor, secret } = await enrolled();
    const sessionsBefore = await db.prisma.userSession.count({ where: { userId: actor.id } });
    const pending = await pendingFor(actor.email, at(60));
    expect(await db.prisma.userSession.count({ where: { userId: actor.id } })).toBe(sessionsBefore);
    expect(await completeSignIn(db.prisma, { pending, code: "" }, at(61))).toEqual({
      ok: false,
      reason: "code_required",
    });

    const out = await completeSignIn(db.prisma, { pending, code: await codeAt(secret, at(61)) }, at(61));
    expect(out).toMatchObject({ ok: true, user: { id: actor.id, role: "support" } });
    const session = await db.prisma.userSession.findUniqueOrThrow({ where: { id: out.ok ? out.user.sid : "" } });
    expect(session.secondFactorAt).toEqual(at(61));
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: "sign_in", outcome: "success", userId: actor.id },
    });
    expect(audit?.details).toMatchObject({ factor: "totp" });
  });

  it("a code already used is refused within its window (replay), and so is an older one; the next one works", async () => {
    const { actor, secret } = await enrolled();
    const code = await codeAt(secret, at(60));
    const first = await completeSignIn(db.prisma, { pending: await pendingFor(actor.email, at(60)), code }, at(60));
    expect(first.ok).toBe(true);
    const replay = await completeSignIn(db.prisma, { pending: await pendingFor(actor.email, at(70)), code }, at(70));
    expect(replay).toEqual({ ok: false, reason: "invalid" });
    // The previous step's code is still inside the drift window, but older than the one used.
    const older = await codeAt(secret, at(30));
    expect(
      await completeSignIn(db.prisma, { pending: await pendingFor(actor.email, at(70)), code: older }, at(70)),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    const next = await codeAt(secret, at(90));
    expect(
      (await completeSignIn(db.prisma, { pending: await pendingFor(actor.email, at(90)), code: next }, at(90))).ok,
    ).toBe(true);
  });

  it("a recovery code signs in once, in any case and with or without dashes", async () => {
    const { actor, recoveryCodes } = await enrolled();
    const typed = recoveryCodes[3]!.toUpperCase().replace(/-/g, " ");
    const out = await completeSignIn(
      db.prisma,
      { pending: await pendingFor(actor.email, at(60)), code: typed },
      at(60),
    );
    expect(out.ok).toBe(true);
    const audit = await db.prisma.auditLog.findFirst({
      where: { action: "sign_in", outcome: "success", userId: actor.id },
    });
    expect(audit?.details).toMatchObject({ factor: "recovery" });
    const again = await completeSignIn(
      db.prisma,
      { pending: await pendingFor(actor.email, at(61)), code: recoveryCodes[3]! },
      at(61),
    );
    expect(again).toEqual({ ok: false, reason: "invalid" });
    expect(await db.prisma.recoveryCode.count({ where: { userId: actor.id, usedAt: null } })).toBe(9);
  });

  it("10 wrong codes lock the email like 10 wrong passwords; the right password in between resets nothing", async () => {
    const { actor, secret } = await enrolled();
    for (let i = 0; i < 9; i++) {
      // A fresh right password before each wrong code: it must not clear the count.
      const pending = await pendingFor(actor.email, at(60 + i));
      expect(await completeSignIn(db.prisma, { pending, code: "123456" }, at(60 + i))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const pending = await pendingFor(actor.email, at(70));
    const tenth = await completeSignIn(db.prisma, { pending, code: "abcd-efgh-ij" }, at(70));
    expect(tenth).toMatchObject({ ok: false, reason: "locked" });
    // Locked: the right code is refused, and so is the password step.
    expect(await completeSignIn(db.prisma, { pending, code: await codeAt(secret, at(90)) }, at(90))).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await authenticate(db.prisma, { email: actor.email, password: PASSWORD }, at(91))).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(
      await db.prisma.auditLog.count({ where: { action: "two_factor_failed", userId: actor.id } }),
    ).toBeGreaterThanOrEqual(10);
    // After the lock the code step works again.
    const later = at(16 * 60 + 90);
    const out = await completeSignIn(
      db.prisma,
      { pending: await pendingFor(actor.email, later), code: await codeAt(secret, later) },
      later,
    );
    expect(out.ok).toBe(true);
  });

  it("a forged, expired or outdated pending token signs no one in", async () => {
    const { actor, secret } = await enrolled();
    const pending = await pendingFor(actor.email, at(60));
    const code = await codeAt(secret, at(60));
    const [payload, mac] = pending.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ u: actor.id, e: at(99_999).getTime(), s: "x" })).toString(
      "base64url",
    );
    expect(await completeSignIn(db.prisma, { pending: `${forgedPayload}.${mac}`, code }, at(60))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await completeSignIn(db.prisma, { pending: `${payload}.x${mac}`, code }, at(60))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await completeSignIn(db.prisma, { pending, code }, at(60 + 5 * 60))).toEqual({
      ok: false,
      reason: "expired",
    });
    // A new password voids a token made before it.
    await db.prisma.user.update({
      where: { id: actor.id },
      data: { passwordHash: await hashPassword("new-password") },
    });
    expect(await completeSignIn(db.prisma, { pending, code }, at(61))).toEqual({ ok: false, reason: "expired" });
    // A token for a user without two-factor sign-in is no way in either.
    const plain = await newUser();
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: plain.id } });
    expect(await completeSignIn(db.prisma, { pending: pendingToken(user, at(60)), code }, at(60))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("step-up: a code from the last 10 minutes holds; after that a fresh one is needed, and checked like any code", async () => {
    const { actor, secret } = await enrolled("finance");
    const pending = await pendingFor(actor.email, at(60));
    const signedIn = await completeSignIn(db.prisma, { pending, code: await codeAt(secret, at(60)) }, at(60));
    const me = actorOf(actor, signedIn.ok ? signedIn.user.sid : undefined);
    expect(await checkStepUp(db.prisma, me, undefined, at(60 + 9 * 60))).toEqual({ ok: true });
    const stale = at(60 + 10 * 60);
    expect(await checkStepUp(db.prisma, me, undefined, stale)).toEqual({ ok: false, reason: "required" });
    expect(await checkStepUp(db.prisma, me, "000000", stale)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkStepUp(db.prisma, me, await codeAt(secret, stale), stale)).toEqual({ ok: true });
    // The fresh code restarts the 10 minutes.
    expect(await checkStepUp(db.prisma, me, undefined, at(60 + 19 * 60))).toEqual({ ok: true });
    expect(await db.prisma.auditLog.count({ where: { action: "two_factor_failed", userId: actor.id } })).toBe(1);

    // A user without two-factor sign-in is not asked (the demo users).
    const plain = await newUser("finance");
    const sid = await startSession(
      db.prisma,
      { ...(await db.prisma.user.findUniqueOrThrow({ where: { id: plain.id } })), msns: [] },
      undefined,
      t0,
    );
    expect(await checkStepUp(db.prisma, actorOf(plain, sid), undefined, at(3600))).toEqual({ ok: true });
  });

  it("turning it off needs a code and is refused where the role requires it; new recovery codes replace the old", async () => {
    const support = await enrolled("support");
    expect(await disableTwoFactor(db.prisma, support.actor, "000000", { now: at(60) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const fresh = await regenerateRecoveryCodes(db.prisma, support.actor, support.recoveryCodes[0]!, { now: at(60) });
    expect(fresh.ok).toBe(true);
    // The old codes no longer work; a new one does.
    expect(await disableTwoFactor(db.prisma, support.actor, support.recoveryCodes[1]!, { now: at(61) })).toEqual({
      ok: false,
      reason: "invalid",
    });
    const newCode = fresh.ok ? fresh.recoveryCodes[0]! : "";
    expect(await disableTwoFactor(db.prisma, support.actor, newCode, { now: at(62) })).toEqual({ ok: true });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { id: support.actor.id } });
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    expect(await db.prisma.recoveryCode.count({ where: { userId: support.actor.id } })).toBe(0);
    expect((await authenticate(db.prisma, { email: support.actor.email, password: PASSWORD }, at(63))).ok).toBe(true);

    const admin = await enrolled("admin");
    expect(await disableTwoFactor(db.prisma, admin.actor, await codeAt(admin.secret, at(60)), { now: at(60) })).toEqual(
      {
        ok: false,
        reason: "required_by_role",
      },
    );
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: admin.actor.id } })).totpEnabledAt).toEqual(t0);
  });
});
