// The one action pipeline (lib/actions/client.ts), through the real actions: a signed-out caller and
// a role without the permission get a clear, translated refusal (never a 500) that is audited; bad
// input gets field messages in the user's language and changes nothing; an allowed call works.
// The request context (who is signed in, the language) is the only thing stood in for.
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

const person = (over: Partial<Actor>): Actor => ({
  id: "00000000-0000-4000-8000-0000000000aa",
  email: "p@example.no",
  name: "P",
  role: "support",
  msns: ["212345"],
  allSalesUnits: false,
  canViewPayments: true,
  ...over,
});
const developer = person({ role: "developer", canViewPayments: false, email: "dev@example.no" });
const support = person({ role: "support", email: "support@example.no" });
const admin = person({ role: "admin", allSalesUnits: true, msns: [], email: "admin@example.no" });

const form = (fields: Record<string, string | string[] | File>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, item);
  return f;
};

describe("action pipeline", () => {
  let app: AppEnv;
  let prisma: Awaited<ReturnType<(typeof import("@/lib/db/client"))["db"]>>;
  beforeAll(async () => {
    app = await useAppEnv("pglite");
    prisma = await (await import("@/lib/db/client")).db();
    await prisma.salesUnit.create({ data: { msn: "212345", name: "Fjellsport", environment: "simulator" } });
  }, 120_000);
  afterAll(async () => app?.close());

  const refusals = (name: string) =>
    prisma.auditLog.findMany({ where: { action: "action_refused", details: { path: ["name"], equals: name } } });

  it("a developer calling 'look up at Vipps' is refused in words and audited (was a 500)", async () => {
    const { lookUpAtVippsAction } = await import("@/lib/actions/payments/look-up-at-vipps");
    signedIn.actor = developer;
    const result = await lookUpAtVippsAction({}, form({ orderId: "FS-1" }));
    expect(result).toEqual({ serverError: nb.actions.errors.forbidden });
    const rows = await refusals("look-up-at-vipps");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userEmail: "dev@example.no",
      outcome: "refused",
      details: { code: "forbidden", permission: "payments:read" },
    });
  });

  it("a signed-out caller is told to sign in again, and audited", async () => {
    const { refreshPaymentAction } = await import("@/lib/actions/payments/refresh-payment");
    signedIn.actor = null;
    const result = await refreshPaymentAction({}, form({ msn: "212345", orderId: "FS-1" }));
    expect(result).toEqual({ serverError: nb.actions.errors.unauthenticated });
    expect(await refusals("refresh-payment")).toHaveLength(1);
  });

  it("bad input gets a field message in the user's language and reaches nothing", async () => {
    const { refreshPaymentAction } = await import("@/lib/actions/payments/refresh-payment");
    signedIn.actor = support;
    const before = await prisma.auditLog.count();
    const result = await refreshPaymentAction({}, form({ msn: "12", orderId: "../../etc" }));
    expect(result.validationErrors?.fieldErrors).toEqual({
      msn: [nb.actions.input.msnFormat],
      orderId: [nb.actions.input.orderIdFormat],
    });
    expect(await prisma.auditLog.count()).toBe(before);
  });

  it("a payment outside the user's sales units is 'not found', the same as one that does not exist", async () => {
    const { refreshPaymentAction } = await import("@/lib/actions/payments/refresh-payment");
    signedIn.actor = support;
    const elsewhere = await refreshPaymentAction({}, form({ msn: "299999", orderId: "FS-1" }));
    const missing = await refreshPaymentAction({}, form({ msn: "212345", orderId: "NOPE-1" }));
    expect(elsewhere).toEqual({ serverError: nb.actions.errors.notFound });
    expect(missing).toEqual(elsewhere);
  });

  it("only admins create API keys; the key comes back once, its creation is audited", async () => {
    const { createApiKeyAction } = await import("@/lib/actions/ingest/create-api-key");
    signedIn.actor = support;
    const refused = await createApiKeyAction({}, form({ name: "Shop", msns: ["212345"] }));
    expect(refused).toEqual({ serverError: nb.actions.errors.forbidden });
    expect(await prisma.integrationApiKey.count()).toBe(0);

    signedIn.actor = admin;
    const noScope = await createApiKeyAction({}, form({ name: "Shop" }));
    expect(noScope.validationErrors?.fieldErrors.msns).toEqual([nb.actions.input.keyScope]);
    const created = await createApiKeyAction({}, form({ name: "Shop", msns: ["212345"] }));
    expect(created.data).toMatchObject({ ok: true, name: "Shop", key: expect.stringMatching(/^mo_live_/) });
    expect(await prisma.auditLog.count({ where: { action: "api_key_created", userEmail: "admin@example.no" } })).toBe(
      1,
    );
  });

  it("the CSV import refuses a file over 2 MB with its own message, before reading it", async () => {
    const { importCsvAction } = await import("@/lib/actions/ingest/import-csv");
    signedIn.actor = support;
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], "big.csv", { type: "text/csv" });
    const result = await importCsvAction({}, form({ file: big }));
    expect(result.data).toEqual({
      ok: false,
      error: nb.ingest.import.errors.too_large.replace("{max}", "2 MB"),
      fileName: "big.csv",
    });
    const none = await importCsvAction({}, form({}));
    expect(none.validationErrors?.fieldErrors.file).toEqual([nb.actions.input.fileRequired]);
  });

  it("a page refused for lack of permission (403) or outside the user's sales units (404) is audited", async () => {
    const { requirePermission, mayOpenMsn } = await import("@/lib/auth/guard");
    await expect(requirePermission(developer, "users:manage", "/admin/users")).rejects.toThrow();
    await expect(requirePermission(admin, "users:manage", "/admin/users")).resolves.toBeUndefined();
    expect(await mayOpenMsn(support, "299999", "/history/[msn]")).toBe(false);
    expect(await mayOpenMsn(support, "212345", "/history/[msn]")).toBe(true);
    const rows = await prisma.auditLog.findMany({
      where: { action: "action_refused", userEmail: { in: ["dev@example.no", "support@example.no"] } },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          outcome: "refused",
          details: expect.objectContaining({ name: "page /admin/users", permission: "users:manage" }),
        }),
        expect.objectContaining({
          outcome: "not_found",
          msn: "299999",
          details: expect.objectContaining({ code: "outside_scope" }),
        }),
      ]),
    );
  });
});
