// Two-factor sign-in through the real server actions (the request context — who is signed in, the
// language, the request headers — is the only thing stood in for): a user whose role requires it and
// who has not enrolled is refused by every action but enrolment, on the server; step-up answers
// "step_up_required" before any ledger row or API key is written, and goes on with a right code.
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import nb from "@/lib/i18n/dictionaries/nb";
import { useAppEnv, type AppEnv } from "../helpers/app-env";

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/actor", () => ({
  getActor: async () => signedIn.actor,
  requireActor: async () => signedIn.actor,
}));
vi.mock("@/lib/i18n/server", async () => {
  const { dictionary } = await import("@/lib/i18n/dictionaries");
  return { getI18n: async () => ({ locale: "nb", t: dictionary("nb") }), dictionary };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.4", "user-agent": "test" }),
}));

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, item);
  return f;
};
const codeNow = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });

describe("two-factor sign-in in the action pipeline", () => {
  let app: AppEnv;
  let prisma: Awaited<ReturnType<(typeof import("@/lib/db/client"))["db"]>>;
  beforeAll(async () => {
    process.env.TWO_FACTOR_REQUIRED_ROLES = "admin,finance";
    process.env.STEP_UP_THRESHOLD_ORE = "1000000";
    app = await useAppEnv("pglite");
    prisma = await (await import("@/lib/db/client")).db();
    await prisma.salesUnit.create({ data: { msn: "212345", name: "Fjellsport", environment: "simulator" } });
  }, 120_000);
  afterAll(async () => app?.close());

  let n = 0;
  /** A user with a live session, as getActor would build them. */
  async function person(role: Actor["role"]): Promise<Actor> {
    const { hashPassword } = await import("@/lib/auth/password");
    const { startSession } = await import("@/lib/auth/sessions");
    const { twoFactorState } = await import("@/lib/auth/two-factor/policy");
    const email = `${role}${++n}@example.no`;
    const user = await prisma.user.create({
      data: { email, name: email, role, passwordHash: await hashPassword("pw") },
    });
    const sessionId = await startSession(prisma, { ...user, msns: [] }, undefined, new Date());
    return {
      id: user.id,
      email,
      name: email,
      role,
      msns: ["212345"],
      allSalesUnits: role === "admin",
      canViewPayments: true,
      sessionId,
      twoFactor: twoFactorState(user),
    };
  }

  /** Enrols the actor through the real page flow (offer, then the confirm action) and returns the secret. */
  async function enrol(actor: Actor): Promise<string> {
    const { enrolmentOffer } = await import("@/lib/auth/two-factor/enrolment");
    const { confirmTwoFactorAction } = await import("@/lib/actions/two-factor/confirm-two-factor");
    const offer = await enrolmentOffer(actor, new Date());
    signedIn.actor = actor;
    const wrong = await confirmTwoFactorAction({}, form({ token: offer.token, code: "000000" }));
    expect(wrong.data).toEqual({ ok: false, error: nb.twoFactor.errors.enrolInvalidCode });
    const done = await confirmTwoFactorAction({}, form({ token: offer.token, code: await codeNow(offer.secret) }));
    expect(done.data).toMatchObject({ ok: true, recoveryCodes: expect.any(Array) });
    return offer.secret;
  }

  /** A code the app would show next: the step after the last one used (a used step never works twice). */
  async function nextCode(secret: string, userId: string) {
    const { totpLastStep } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    return generate({ secret, epoch: ((totpLastStep ?? 0) + 1) * 30 });
  }

  /** Makes the session's last code older than the 10 minutes step-up allows. */
  const age = (actor: Actor, minutes: number) =>
    prisma.userSession.update({
      where: { id: actor.sessionId },
      data: { secondFactorAt: new Date(Date.now() - minutes * 60_000) },
    });

  it("an admin who must enrol is refused by every action and page permission, but may enrol", async () => {
    const { refreshPaymentAction } = await import("@/lib/actions/payments/refresh-payment");
    const { createApiKeyAction } = await import("@/lib/actions/ingest/create-api-key");
    const { can } = await import("@/lib/auth/permissions");
    const admin = await person("admin");
    expect(admin.twoFactor).toEqual({ enrolled: false, mustEnrol: true });
    expect(can(admin, "payments:read")).toBe(false);
    signedIn.actor = admin;
    const refused = await refreshPaymentAction({}, form({ msn: "212345", orderId: "FS-1" }));
    expect(refused).toEqual({ serverError: nb.actions.errors.twoFactorRequired });
    const key = await createApiKeyAction({}, form({ name: "Shop", msns: ["212345"] }));
    expect(key).toEqual({ serverError: nb.actions.errors.twoFactorRequired });
    expect(await prisma.integrationApiKey.count()).toBe(0);
    const audited = await prisma.auditLog.findMany({ where: { action: "action_refused", userId: admin.id } });
    expect(audited.map((r) => r.details)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "refresh-payment", code: "two_factor_required" })]),
    );

    await enrol(admin);
    const { twoFactorState } = await import("@/lib/auth/two-factor/policy");
    const after = {
      ...admin,
      twoFactor: twoFactorState(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })),
    };
    expect(after.twoFactor).toEqual({ enrolled: true, mustEnrol: false });
    expect(can(after, "payments:read")).toBe(true);
  });

  it("creating an API key asks for a fresh code once the last is 10 minutes old, and creates nothing until then", async () => {
    const { createApiKeyAction } = await import("@/lib/actions/ingest/create-api-key");
    const admin = await person("admin");
    const secret = await enrol(admin);
    const enrolled = { ...admin, twoFactor: { enrolled: true, mustEnrol: false } };
    signedIn.actor = enrolled;
    // Just enrolled: the enrolment code counts for 10 minutes.
    const first = await createApiKeyAction({}, form({ name: "Fresh", msns: ["212345"] }));
    expect(first.data).toMatchObject({ ok: true, name: "Fresh" });

    await age(admin, 11);
    const before = await prisma.integrationApiKey.count();
    const asked = await createApiKeyAction({}, form({ name: "Shop", msns: ["212345"] }));
    expect(asked.data).toEqual({ ok: false, outcome: "step_up_required" });
    const empty = await createApiKeyAction({}, form({ name: "Shop", msns: ["212345"], stepUpCode: "" }));
    expect(empty.data).toEqual({ ok: false, outcome: "step_up_required", error: nb.twoFactor.errors.codeRequired });
    const wrong = await createApiKeyAction({}, form({ name: "Shop", msns: ["212345"], stepUpCode: "000000" }));
    expect(wrong.data).toEqual({ ok: false, outcome: "step_up_required", error: nb.twoFactor.errors.invalidCode });
    expect(await prisma.integrationApiKey.count()).toBe(before);

    const ok = await createApiKeyAction(
      {},
      form({ name: "Shop", msns: ["212345"], stepUpCode: await nextCode(secret, admin.id) }),
    );
    expect(ok.data).toMatchObject({ ok: true, name: "Shop" });
    const { revokeApiKeyAction } = await import("@/lib/actions/ingest/revoke-api-key");
    const key = await prisma.integrationApiKey.findFirstOrThrow({ where: { name: "Shop" } });
    // The new code holds for the next 10 minutes: revoking goes straight through.
    expect((await revokeApiKeyAction({}, form({ id: key.id }))).data).toEqual({ ok: true });
  });

  it("moving more than the threshold asks for a fresh code before any ledger row; smaller amounts are not asked", async () => {
    const { submitMoneyOperationAction } = await import("@/lib/actions/money/submit-money-operation");
    const finance = await person("finance");
    const secret = await enrol(finance);
    signedIn.actor = { ...finance, twoFactor: { enrolled: true, mustEnrol: false } };
    await age(finance, 11);
    const key = crypto.randomUUID();
    const big = { msn: "212345", orderId: "FS-BIG", kind: "capture", amount: "10 000,01", idempotencyKey: key };
    const asked = await submitMoneyOperationAction({}, form(big));
    expect(asked.data).toEqual({ ok: false, outcome: "step_up_required" });
    expect(await prisma.moneyOperation.count()).toBe(0);

    // At the threshold nothing is asked: the engine answers (this payment is not in our copy).
    const small = await submitMoneyOperationAction(
      {},
      form({ ...big, amount: "10 000", idempotencyKey: crypto.randomUUID() }),
    );
    expect(small).toEqual({ serverError: nb.actions.errors.notFound });

    // With a right code, the same request (same key) goes on to the engine.
    const withCode = await submitMoneyOperationAction(
      {},
      form({ ...big, stepUpCode: await nextCode(secret, finance.id) }),
    );
    expect(withCode).toEqual({ serverError: nb.actions.errors.notFound });
    const session = await prisma.userSession.findUniqueOrThrow({ where: { id: finance.sessionId } });
    expect(Date.now() - session.secondFactorAt!.getTime()).toBeLessThan(60_000);
  });

  it("a user without two-factor sign-in is never asked (demo users), whatever the amount", async () => {
    const { createApiKeyAction } = await import("@/lib/actions/ingest/create-api-key");
    const { submitMoneyOperationAction } = await import("@/lib/actions/money/submit-money-operation");
    const admin = { ...(await person("admin")), twoFactor: { enrolled: false, mustEnrol: false } };
    signedIn.actor = admin;
    const created = await createApiKeyAction({}, form({ name: "Demo", msns: ["212345"] }));
    expect(created.data).toMatchObject({ ok: true, name: "Demo" });
    const money = await submitMoneyOperationAction(
      {},
      form({
        msn: "212345",
        orderId: "FS-HUGE",
        kind: "capture",
        amount: "999 999",
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    expect(money).toEqual({ serverError: nb.actions.errors.notFound });
  });
});
