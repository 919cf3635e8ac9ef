// People (issue 11): an admin creates users who set their own password with a one-time link; role,
// sales-unit and payment-access changes end sessions only when they take rights away; the last
// active admin can never be demoted or deactivated, not even by two admins at once; passwords
// must pass the policy; and every refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, actorUserInclude } from "@/lib/auth/actor-of";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword, NO_PASSWORD } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { resumeSession } from "@/lib/auth/sessions";
import {
  createUser,
  createUserForm,
  inviteFirstAdmin,
  narrows,
  PASSWORD_LINK_TTL_MS,
  sendPasswordLink,
  setUserActive,
  updateUser,
  updateUserForm,
  UserRefused,
} from "@/lib/users/manage";
import { changeOwnPassword, readPasswordLink, setPasswordWithLink } from "@/lib/users/password";
import { endOtherSessions, openSessions } from "@/lib/users/sessions";
import { databaseKinds, migratedDatabase, type TestDb } from "../helpers/databases";

const kinds = await databaseKinds();
const t0 = new Date("2026-11-30T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const GOOD = "lilla giraff danser tango";
const tokenOf = (path: string) => path.split("/").pop() ?? "";

function form(fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
}

describe.each(kinds)("people on %s", (kind) => {
  let db: TestDb;
  let admin: Actor;
  let n = 0;

  beforeAll(async () => {
    db = await migratedDatabase(kind);
    await db.prisma.salesUnit.createMany({
      data: [
        { msn: "312345", name: "Oslo", environment: "simulator" },
        { msn: "312346", name: "Bergen", environment: "simulator" },
      ],
    });
    const row = await db.prisma.user.create({
      data: { email: `root-${kind}@example.no`, name: "Root", role: "admin", passwordHash: await hashPassword(GOOD) },
      include: actorUserInclude,
    });
    admin = actorOf(row);
  });
  afterAll(async () => db?.close());

  const newUser = async (over: Partial<{ role: "admin" | "finance" | "support" | "developer"; msns: string[] }> = {}) =>
    createUser(
      db.prisma,
      admin,
      {
        name: "Kari Nordmann",
        email: `kari${++n}-${kind}@example.no`,
        role: over.role ?? "support",
        msns: over.msns ?? ["312345"],
        canViewPayments: false,
      },
      t0,
    );

  const signIn = async (email: string, password = GOOD, when = t0) => {
    const out = await authenticate(db.prisma, { email, password }, when);
    if (!out.ok) throw new Error(`sign-in failed: ${out.reason}`);
    return { userId: out.user.id, sessionId: out.user.sid };
  };

  const userRow = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id }, include: actorUserInclude });

  it("a new user has no password until the invitation link sets one, once", async () => {
    const { userId, link } = await newUser();
    expect(link.expiresAt.getTime() - t0.getTime()).toBe(PASSWORD_LINK_TTL_MS);
    const user = await userRow(userId);
    expect(user.passwordHash).toBe(NO_PASSWORD);
    expect(user.salesUnits.map((s) => s.salesUnit.msn)).toEqual(["312345"]);
    // No password signs in before the link was used.
    expect((await authenticate(db.prisma, { email: user.email, password: NO_PASSWORD }, t0)).ok).toBe(false);
    // Only the token's hash is stored.
    const token = tokenOf(link.path);
    const stored = await db.prisma.passwordToken.findMany({ where: { userId } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const res = await setPasswordWithLink(db.prisma, { token, password: GOOD, confirm: GOOD }, at(5));
    expect(res).toEqual({ ok: true, email: user.email });
    await signIn(user.email);
    // The same link again: used.
    expect(await setPasswordWithLink(db.prisma, { token, password: GOOD + "x", confirm: GOOD + "x" }, at(6))).toEqual({
      ok: false,
      problem: "link_used",
    });
    const audit = await db.prisma.auditLog.findMany({ where: { action: { in: ["user_created", "password_set"] } } });
    expect(audit.some((a) => a.action === "password_set" && a.userId === userId)).toBe(true);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain(token);
  });

  it("a weak or mismatched password is refused and leaves the link usable", async () => {
    const { userId, link } = await newUser();
    const token = tokenOf(link.path);
    const cases: [string, string, string][] = [
      ["short", "kort ord 11", "password_too_short"],
      ["common", "password1234", "password_weak"],
      ["own name", "kari.nordmann2026", "password_weak"],
      ["mismatch", GOOD, "password_mismatch"],
    ];
    for (const [, password, problem] of cases) {
      const confirm = problem === "password_mismatch" ? GOOD + "!" : password;
      expect(await setPasswordWithLink(db.prisma, { token, password, confirm }, at(1))).toEqual({ ok: false, problem });
    }
    expect((await userRow(userId)).passwordHash).toBe(NO_PASSWORD);
    expect((await readPasswordLink(db.prisma, token, at(2))).ok).toBe(true);
  });

  it("an expired link, a replaced link and a made-up link are each refused", async () => {
    const { userId, link } = await newUser();
    const first = tokenOf(link.path);
    expect(await readPasswordLink(db.prisma, first, new Date(link.expiresAt.getTime()))).toEqual({
      ok: false,
      problem: "link_expired",
    });
    const second = await sendPasswordLink(db.prisma, admin, userId, at(10));
    expect(second.purpose).toBe("invite");
    expect((await readPasswordLink(db.prisma, first, at(11))).ok).toBe(false);
    expect((await readPasswordLink(db.prisma, tokenOf(second.link.path), at(11))).ok).toBe(true);
    expect(await readPasswordLink(db.prisma, "x".repeat(43), at(11))).toEqual({ ok: false, problem: "link_invalid" });
    expect(await readPasswordLink(db.prisma, "../../etc", at(11))).toEqual({ ok: false, problem: "link_invalid" });
  });

  it("two tabs using one link at once: exactly one sets the password", async () => {
    const { userId, link } = await newUser();
    const token = tokenOf(link.path);
    const results = await Promise.all([
      setPasswordWithLink(db.prisma, { token, password: GOOD, confirm: GOOD }, at(1)),
      setPasswordWithLink(
        db.prisma,
        { token, password: "en annen lang setning her", confirm: "en annen lang setning her" },
        at(1),
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.passwordToken.count({ where: { userId, usedAt: { not: null } } })).toBe(1);
  });

  it("a duplicate email is refused, also in another letter case and when two admins create it at once", async () => {
    const { userId } = await newUser();
    const email = (await userRow(userId)).email;
    const parsed = createUserForm.parse(
      form({ name: "Kopi", email: `  ${email.toUpperCase()} `, role: "support", msns: "312345" }),
    );
    expect(parsed.email).toBe(email);
    await expect(createUser(db.prisma, admin, parsed, t0)).rejects.toEqual(new UserRefused("email_taken"));
    const fresh = `race-${kind}@example.no`;
    const both = await Promise.allSettled(
      [1, 2].map(() =>
        createUser(db.prisma, admin, {
          name: "R",
          email: fresh,
          role: "support",
          msns: ["312345"],
          canViewPayments: false,
        }),
      ),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.prisma.user.count({ where: { email: fresh } })).toBe(1);
  });

  it("bad input is named field by field", () => {
    const bad = createUserForm.safeParse(
      form({ name: "", email: `${"a".repeat(250)}@x.no`, role: "superadmin", msns: ["12"] }),
    );
    expect(bad.success).toBe(false);
    const codes = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path[0], i.message]));
    expect(codes).toMatchObject({ name: "required", email: "emailTooLong", role: "roleUnknown", msns: "msnFormat" });
    expect(updateUserForm.safeParse(form({ userId: "1 OR 1=1", name: "x", role: "support" })).success).toBe(false);
  });

  it("unknown sales units and none for a non-admin role are refused, and nothing is written", async () => {
    const before = await db.prisma.user.count();
    const base = { name: "X", role: "finance" as const, canViewPayments: false };
    await expect(
      createUser(db.prisma, admin, { ...base, email: `u1-${kind}@example.no`, msns: ["312345", "999999"] }),
    ).rejects.toEqual(new UserRefused("unknown_sales_unit"));
    await expect(createUser(db.prisma, admin, { ...base, email: `u2-${kind}@example.no`, msns: [] })).rejects.toEqual(
      new UserRefused("no_sales_unit"),
    );
    expect(await db.prisma.user.count()).toBe(before);
    expect(await db.prisma.passwordToken.count({ where: { user: { email: { startsWith: "u1-" } } } })).toBe(0);
  });

  it("only admins manage people", async () => {
    const { userId } = await newUser({ role: "finance" });
    const finance = actorOf(await userRow(userId));
    await expect(newUserAs(finance)).rejects.toMatchObject({ code: "forbidden" });
    await expect(setUserActive(db.prisma, finance, admin.id, false)).rejects.toMatchObject({ code: "forbidden" });
  });
  const newUserAs = (actor: Actor) =>
    createUser(db.prisma, actor, {
      name: "Z",
      email: `z-${kind}@example.no`,
      role: "admin",
      msns: [],
      canViewPayments: false,
    });

  it("narrowing rights ends open sessions; widening lets them carry on", async () => {
    const { userId, link } = await newUser({ role: "support", msns: ["312345"] });
    await setPasswordWithLink(db.prisma, { token: tokenOf(link.path), password: GOOD, confirm: GOOD }, t0);
    const user = await userRow(userId);
    const s = await signIn(user.email);
    // Wider: another sales unit.
    const wider = await updateUser(
      db.prisma,
      admin,
      { userId, name: user.name, role: "support", msns: ["312345", "312346"], canViewPayments: false },
      at(1),
    );
    expect(wider.sessionsEnded).toBe(0);
    const resumed = await resumeSession(db.prisma, s, at(2));
    expect(resumed?.user.salesUnits.map((x) => x.salesUnit.msn).sort()).toEqual(["312345", "312346"]);
    // Narrower: a sales unit taken away.
    const narrower = await updateUser(
      db.prisma,
      admin,
      { userId, name: user.name, role: "support", msns: ["312346"], canViewPayments: false },
      at(3),
    );
    expect(narrower.sessionsEnded).toBe(1);
    expect(await resumeSession(db.prisma, s, at(4))).toBeNull();
    const row = await db.prisma.userSession.findUniqueOrThrow({ where: { id: s.sessionId } });
    expect(row.endReason).toBe("rights_changed");
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "user_updated" },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ msnsRemoved: "312345", sessionsEnded: 1 });
  });

  it("what counts as narrowing", () => {
    const r = (
      role: "admin" | "finance" | "support" | "developer",
      msns: string[] = ["1"],
      canViewPayments = false,
    ) => ({
      role,
      msns,
      canViewPayments,
    });
    expect(narrows(r("support"), r("finance"))).toBe(false);
    expect(narrows(r("finance"), r("support"))).toBe(true);
    expect(narrows(r("support"), r("developer"))).toBe(true);
    expect(narrows(r("developer", ["1"], true), r("developer", ["1"], false))).toBe(true);
    expect(narrows(r("developer", ["1"], false), r("developer", ["1"], true))).toBe(false);
    expect(narrows(r("admin", []), r("finance", ["1", "2"]))).toBe(true);
    expect(narrows(r("finance", ["1"]), r("admin", []))).toBe(false);
    expect(narrows(r("support", ["1", "2"]), r("support", ["2"]))).toBe(true);
  });

  it("the last active admin cannot be demoted or deactivated, not even by two admins at once", async () => {
    // Make sure exactly two active admins exist: root and a second one.
    const { userId: secondId } = await newUser({ role: "admin", msns: [] });
    const second = actorOf(await userRow(secondId));
    await db.prisma.user.updateMany({
      where: { role: "admin", id: { notIn: [admin.id, secondId] } },
      data: { active: false },
    });
    // Each demotes the other at the same moment: one must lose.
    const demote = (actor: Actor, target: Actor) =>
      updateUser(db.prisma, actor, {
        userId: target.id,
        name: target.name,
        role: "finance",
        msns: ["312345"],
        canViewPayments: false,
      });
    const results = await Promise.allSettled([demote(admin, second), demote(second, admin)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toEqual(new UserRefused("last_admin"));
    expect(await db.prisma.user.count({ where: { role: "admin", active: true } })).toBe(1);
    const survivor = await db.prisma.user.findFirstOrThrow({ where: { role: "admin", active: true } });
    const survivorActor = actorOf(await userRow(survivor.id));
    const other = survivor.id === admin.id ? second : admin;
    // Nor can the survivor be deactivated (by the demoted one, who lost users:manage: forbidden, or at all).
    await expect(setUserActive(db.prisma, survivorActor, survivor.id, false)).rejects.toEqual(
      new UserRefused("own_account"),
    );
    await expect(
      updateUser(db.prisma, survivorActor, {
        userId: survivor.id,
        name: survivor.name,
        role: "support",
        msns: ["312345"],
        canViewPayments: false,
      }),
    ).rejects.toEqual(new UserRefused("last_admin"));
    // Put things back for the other tests: the demoted admin is an admin again.
    await updateUser(db.prisma, survivorActor, {
      userId: other.id,
      name: other.name,
      role: "admin",
      msns: [],
      canViewPayments: false,
    });
    admin = actorOf(await userRow(admin.id));
  });

  it("deactivating ends the open session at its next request; reactivating lets the old password work", async () => {
    const { userId, link } = await newUser();
    await setPasswordWithLink(db.prisma, { token: tokenOf(link.path), password: GOOD, confirm: GOOD }, t0);
    const email = (await userRow(userId)).email;
    const s = await signIn(email);
    expect(await resumeSession(db.prisma, s, at(1))).not.toBeNull();
    expect((await setUserActive(db.prisma, admin, userId, false, at(2))).sessionsEnded).toBe(1);
    expect(await resumeSession(db.prisma, s, at(3))).toBeNull();
    expect((await authenticate(db.prisma, { email, password: GOOD }, at(4))).ok).toBe(false);
    await expect(sendPasswordLink(db.prisma, admin, userId, at(4))).rejects.toEqual(new UserRefused("inactive_user"));
    await setUserActive(db.prisma, admin, userId, true, at(5));
    await signIn(email, GOOD, at(6));
  });

  it("changing my password checks the current one, ends my other sessions and keeps this one", async () => {
    const { userId, link } = await newUser();
    await setPasswordWithLink(db.prisma, { token: tokenOf(link.path), password: GOOD, confirm: GOOD }, t0);
    const email = (await userRow(userId)).email;
    const here = await signIn(email);
    const elsewhere = await signIn(email);
    const me = { ...actorOf(await userRow(userId)), sessionId: here.sessionId };
    const next = "blå ekorn spiser kanelsnurr";
    expect(
      await changeOwnPassword(db.prisma, me, { current: "wrong one", password: next, confirm: next }, at(1)),
    ).toEqual({
      ok: false,
      problem: "current_wrong",
    });
    expect(
      await changeOwnPassword(
        db.prisma,
        me,
        { current: GOOD, password: "password1234", confirm: "password1234" },
        at(1),
      ),
    ).toEqual({
      ok: false,
      problem: "password_weak",
    });
    expect(await changeOwnPassword(db.prisma, me, { current: GOOD, password: next, confirm: next }, at(2))).toEqual({
      ok: true,
      sessionsEnded: 1,
    });
    expect(await resumeSession(db.prisma, here, at(3))).not.toBeNull();
    expect(await resumeSession(db.prisma, elsewhere, at(3))).toBeNull();
    expect((await authenticate(db.prisma, { email, password: GOOD }, at(4))).ok).toBe(false);
    await signIn(email, next, at(5));
  });

  it("ten wrong current passwords lock the account like ten wrong sign-ins", async () => {
    const { userId, link } = await newUser();
    await setPasswordWithLink(db.prisma, { token: tokenOf(link.path), password: GOOD, confirm: GOOD }, t0);
    const me = actorOf(await userRow(userId));
    const tries = [];
    for (let i = 0; i < 10; i++)
      tries.push(
        (await changeOwnPassword(db.prisma, me, { current: `nope-${i}`, password: GOOD, confirm: GOOD }, at(1))).ok,
      );
    expect(tries.every((ok) => !ok)).toBe(true);
    expect(await changeOwnPassword(db.prisma, me, { current: GOOD, password: GOOD, confirm: GOOD }, at(2))).toEqual({
      ok: false,
      problem: "locked",
    });
  });

  it("my session list shows my open sessions only, and ends the others on request", async () => {
    const { userId, link } = await newUser();
    await setPasswordWithLink(db.prisma, { token: tokenOf(link.path), password: GOOD, confirm: GOOD }, t0);
    const email = (await userRow(userId)).email;
    const here = await signIn(email);
    await signIn(email);
    const me = { ...actorOf(await userRow(userId)), sessionId: here.sessionId };
    const list = await openSessions(db.prisma, userId, here.sessionId, at(1));
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current).map((s) => s.id)).toEqual([here.sessionId]);
    expect(await endOtherSessions(db.prisma, me, at(2))).toBe(1);
    expect((await openSessions(db.prisma, userId, here.sessionId, at(3))).map((s) => s.id)).toEqual([here.sessionId]);
  });
});

describe.each(kinds)("the first admin on %s", (kind) => {
  it("invite-admin makes an admin with no password yet, a one-time link, and an audit row with no actor", async () => {
    const db = await migratedDatabase(kind);
    try {
      const { userId, link } = await inviteFirstAdmin(db.prisma, { email: " Boss@Shop.no ", name: "Berit Sjef" }, t0);
      const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
      expect(user).toMatchObject({ email: "boss@shop.no", role: "admin", passwordHash: NO_PASSWORD, active: true });
      expect((await readPasswordLink(db.prisma, tokenOf(link.path), at(1))).ok).toBe(true);
      const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user_created" } });
      expect(row.userId).toBeNull();
      await expect(inviteFirstAdmin(db.prisma, { email: "boss@shop.no", name: "Again" })).rejects.toEqual(
        new UserRefused("email_taken"),
      );
    } finally {
      await db.close();
    }
  });
});
