// Sales-unit administration through the real actions, loaders and domain functions, against the
// in-process simulator over HTTP: adding a unit (MSN shape, duplicates, names), keys stored
// encrypted and never returned to a page or in an action's result, the connection test's
// explanations (wrong subscription key, wrong secret, unknown client_id, another MSN's keys, a unit
// deactivated at Vipps or here), partner keys, token cache invalidation on rotation, the callback
// authToken, deactivation, and the audit trail. Only the request context (who is signed in, the
// language) is stood in for.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import nb from "@/lib/i18n/dictionaries/nb";
import { SimControl, type SimUnit } from "@/lib/seed/sim-control";
import { useAppEnv, type AppEnv } from "../helpers/app-env";
import type { DbKind } from "../helpers/databases";

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

const ADMIN: Actor = {
  id: "00000000-0000-4000-8000-00000000a001",
  email: "ada@example.no",
  name: "Ada Admin",
  role: "admin",
  msns: [],
  allSalesUnits: true,
  canViewPayments: true,
};
const FINANCE: Actor = { ...ADMIN, id: "00000000-0000-4000-8000-00000000f001", role: "finance", email: "f@x.no" };

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

const keysOf = (u: SimUnit) => ({
  clientId: u.clientId,
  clientSecret: u.clientSecret,
  subscriptionKey: u.subscriptionKey,
});
const secretsOf = (u: SimUnit) => [u.clientSecret, u.subscriptionKey];

/** Everything a page or action hands the browser, as text: no stored secret may be in it. */
function expectNoSecrets(value: unknown, secrets: string[]) {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  for (const s of secrets) expect(text).not.toContain(s);
}

export function salesUnitsAdminSuite(kind: DbKind) {
  describe(`sales-unit administration on ${kind}`, () => {
    let app: AppEnv;
    let prisma: PrismaClient;
    let sim: SimControl;
    let lib: {
      actions: {
        create: typeof import("@/lib/actions/sales-units/create-sales-unit").createSalesUnitAction;
        setKeys: typeof import("@/lib/actions/sales-units/set-sales-unit-keys").setSalesUnitKeysAction;
        test: typeof import("@/lib/actions/sales-units/test-connection").testConnectionAction;
        active: typeof import("@/lib/actions/sales-units/set-sales-unit-active").setSalesUnitActiveAction;
        callbackToken: typeof import("@/lib/actions/sales-units/set-callback-token").setCallbackTokenAction;
        createPartner: typeof import("@/lib/actions/sales-units/create-partner-key").createPartnerKeyAction;
        choosePartner: typeof import("@/lib/actions/sales-units/choose-partner-key").choosePartnerKeyAction;
        deletePartner: typeof import("@/lib/actions/sales-units/delete-partner-key").deletePartnerKeyAction;
        rotatePartner: typeof import("@/lib/actions/sales-units/rotate-partner-key").rotatePartnerKeyAction;
        simKeys: typeof import("@/lib/actions/sales-units/show-simulator-keys").showSimulatorKeysAction;
      };
      view: typeof import("@/lib/sales-units/admin-view");
      listSalesUnits: typeof import("@/lib/sales-units/queries").listSalesUnits;
      keys: typeof import("@/lib/sales-units/keys");
      manage: typeof import("@/lib/sales-units/manage");
      ecomClientFor: typeof import("@/lib/payments/sync/vipps").ecomClientFor;
      tokens: typeof import("@/lib/ecom").sharedTokenCache;
      encryptionKey: Buffer;
      flushLog: () => Promise<void>;
    };

    beforeAll(async () => {
      app = await useAppEnv(kind);
      // Demo mode on PostgreSQL too: units of the simulator environment are registered with it.
      process.env.DEMO_MODE = "true";
      sim = new SimControl(app.sim.url);
      const [client, view, queries, keys, manage, vipps, ecom, secrets, writer] = await Promise.all([
        import("@/lib/db/client"),
        import("@/lib/sales-units/admin-view"),
        import("@/lib/sales-units/queries"),
        import("@/lib/sales-units/keys"),
        import("@/lib/sales-units/manage"),
        import("@/lib/payments/sync/vipps"),
        import("@/lib/ecom"),
        import("@/lib/secrets"),
        import("@/lib/api-log/writer"),
      ]);
      prisma = await client.db();
      await prisma.user.create({
        data: { id: ADMIN.id, email: ADMIN.email, name: ADMIN.name, role: "admin", passwordHash: "x" },
      });
      lib = {
        actions: {
          create: (await import("@/lib/actions/sales-units/create-sales-unit")).createSalesUnitAction,
          setKeys: (await import("@/lib/actions/sales-units/set-sales-unit-keys")).setSalesUnitKeysAction,
          test: (await import("@/lib/actions/sales-units/test-connection")).testConnectionAction,
          active: (await import("@/lib/actions/sales-units/set-sales-unit-active")).setSalesUnitActiveAction,
          callbackToken: (await import("@/lib/actions/sales-units/set-callback-token")).setCallbackTokenAction,
          createPartner: (await import("@/lib/actions/sales-units/create-partner-key")).createPartnerKeyAction,
          choosePartner: (await import("@/lib/actions/sales-units/choose-partner-key")).choosePartnerKeyAction,
          deletePartner: (await import("@/lib/actions/sales-units/delete-partner-key")).deletePartnerKeyAction,
          rotatePartner: (await import("@/lib/actions/sales-units/rotate-partner-key")).rotatePartnerKeyAction,
          simKeys: (await import("@/lib/actions/sales-units/show-simulator-keys")).showSimulatorKeysAction,
        },
        view,
        listSalesUnits: queries.listSalesUnits,
        keys,
        manage,
        ecomClientFor: vipps.ecomClientFor,
        tokens: ecom.sharedTokenCache,
        encryptionKey: secrets.secrets().encryptionKey,
        flushLog: () => writer.apiLogSink().flush(),
      };
      signedIn.actor = ADMIN;
    }, 120_000);
    afterAll(async () => app?.close());

    const audits = (action: string, msn?: string) =>
      prisma.auditLog.findMany({ where: { action, ...(msn ? { msn } : {}) }, orderBy: { id: "asc" } });

    /** Adds a unit through the action; the action answers with a redirect to the unit's page. */
    async function addUnit(msn: string, over: Record<string, string> = {}) {
      const fields = { msn, name: `Butikk ${msn}`, environment: "simulator", captureType: "reserve", ...over };
      await expect(lib.actions.create({}, form(fields))).rejects.toMatchObject({
        digest: expect.stringContaining(`/admin/sales-units/${msn}?created=1`),
      });
    }

    async function simUnit(msn: string): Promise<SimUnit> {
      const r = await fetch(`${app.sim.url}/_sim/sales-units/${msn}`);
      expect(r.status).toBe(200);
      return (await r.json()) as SimUnit;
    }

    const saveKeys = (msn: string, keys: Record<string, string>, intent = "save") =>
      lib.actions.setKeys({}, form({ msn, intent, ...keys }));

    describe("adding a sales unit", () => {
      it("refuses a malformed MSN, a missing or control-character name and an unknown environment, creating nothing", async () => {
        const cases: [Record<string, string>, string, string][] = [
          [{ msn: "1234" }, "msn", nb.actions.input.msnFormat],
          [{ msn: "12345678" }, "msn", nb.actions.input.msnFormat],
          [{ msn: "12a456" }, "msn", nb.actions.input.msnFormat],
          [{ msn: "" }, "msn", nb.actions.input.required],
          [{ name: "   " }, "name", nb.salesUnitsAdmin.input.unitName],
          [{ name: "Butikk\u0007" }, "name", nb.salesUnitsAdmin.input.unitName],
          [{ name: "x".repeat(201) }, "name", nb.salesUnitsAdmin.input.unitName],
          [{ environment: "staging" }, "environment", nb.salesUnitsAdmin.input.environment],
          [{ captureType: "later" }, "captureType", nb.salesUnitsAdmin.input.captureType],
        ];
        for (const [over, field, message] of cases) {
          const fields = { msn: "300001", name: "Butikk", environment: "simulator", captureType: "reserve", ...over };
          const result = await lib.actions.create({}, form(fields));
          expect(result.validationErrors?.fieldErrors[field], JSON.stringify(over)).toEqual([message]);
        }
        expect(await prisma.salesUnit.count()).toBe(0);
      });

      it("adds one, registers it with the simulator in demo mode, and refuses the same MSN again", async () => {
        await addUnit("300001", { name: "  Nettbutikken  " });
        const unit = await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } });
        expect(unit).toMatchObject({ name: "Nettbutikken", environment: "simulator", active: true });
        expect(unit.credentialsEncrypted).toBeNull();
        expect((await simUnit("300001")).msn).toBe("300001");
        const again = await lib.actions.create(
          {},
          form({ msn: "300001", name: "Kopi", environment: "test", captureType: "direct" }),
        );
        expect(again.data).toEqual({
          ok: false,
          field: "msn",
          error: "MSN 300001 finnes allerede. Åpne salgsstedet i listen i stedet.",
        });
        expect(await prisma.salesUnit.count({ where: { msn: "300001" } })).toBe(1);
        expect((await audits("sales_unit_created", "300001")).map((a) => a.outcome)).toEqual(["success", "refused"]);
      });

      it("refuses a role without salesunits:manage, and audits it", async () => {
        signedIn.actor = FINANCE;
        try {
          const r = await lib.actions.create(
            {},
            form({ msn: "300099", name: "X", environment: "test", captureType: "reserve" }),
          );
          expect(r).toEqual({ serverError: nb.actions.errors.forbidden });
        } finally {
          signedIn.actor = ADMIN;
        }
        expect(await prisma.salesUnit.count({ where: { msn: "300099" } })).toBe(0);
        const refused = await prisma.auditLog.findMany({
          where: { action: "action_refused", userEmail: FINANCE.email },
        });
        expect(refused.at(-1)?.details).toMatchObject({ name: "create-sales-unit", permission: "salesunits:manage" });
      });
    });

    describe("keys", () => {
      it("refuse whitespace, absurd lengths, wrong characters and a value in two fields, storing nothing", async () => {
        const good = keysOf(await simUnit("300001"));
        const cases: [Record<string, string>, string, string][] = [
          [{ clientSecret: `${good.clientSecret}\n` }, "clientSecret", nb.salesUnitsAdmin.input.key_whitespace],
          [{ subscriptionKey: ` ${good.subscriptionKey}` }, "subscriptionKey", nb.salesUnitsAdmin.input.key_whitespace],
          [{ clientId: "x".repeat(5000) }, "clientId", nb.salesUnitsAdmin.input.key_absurd],
          [{ clientId: "x".repeat(20_000) }, "clientId", nb.salesUnitsAdmin.input.key_absurd],
          [{ subscriptionKey: "abc" }, "subscriptionKey", nb.salesUnitsAdmin.input.subscriptionKey_length],
          [{ clientId: "fb492b5e/7907" }, "clientId", nb.salesUnitsAdmin.input.clientId_charset],
          [{ clientSecret: "“quoted-secret”" }, "clientSecret", nb.salesUnitsAdmin.input.key_invisible],
          [{ subscriptionKey: good.clientSecret }, "subscriptionKey", nb.salesUnitsAdmin.input.key_same_value],
          [{ clientId: "" }, "clientId", nb.salesUnitsAdmin.input.key_required],
        ];
        for (const [over, field, message] of cases) {
          const r = await saveKeys("300001", { ...good, ...over });
          expect(r.validationErrors?.fieldErrors[field], JSON.stringify(over).slice(0, 80)).toEqual([message]);
          // A refusal never echoes what was typed.
          expectNoSecrets(r, [good.clientSecret, good.subscriptionKey]);
        }
        expect(
          (await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } })).credentialsEncrypted,
        ).toBeNull();
        expect(await audits("sales_unit_keys_set", "300001")).toHaveLength(0);
      });

      it("are stored encrypted (bound to the MSN), stamped with who and when, and never returned", async () => {
        const sim = await simUnit("300001");
        const result = await saveKeys("300001", keysOf(sim));
        expect(result.data).toEqual({ ok: true, test: null });
        expectNoSecrets(result, [...secretsOf(sim), sim.clientId]);
        const row = await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } });
        expect(row.credentialsEncrypted).not.toBeNull();
        expectNoSecrets(row.credentialsEncrypted, [...secretsOf(sim), sim.clientId]);
        expect(lib.keys.openCredentials(row.credentialsEncrypted!, lib.encryptionKey, "300001")).toEqual(keysOf(sim));
        // Copied to another unit's row, it does not open.
        expect(lib.keys.openCredentials(row.credentialsEncrypted!, lib.encryptionKey, "300002")).toBeNull();
        expect(row.credentialsSetById).toBe(ADMIN.id);
        expect(row.credentialsSetAt).toBeInstanceOf(Date);
        const [audit] = await audits("sales_unit_keys_set", "300001");
        expect(audit?.details).toEqual({ source: "own", replaced: "none" });

        // What the pages get: whether keys are set, when and by whom. Never the keys.
        const view = await lib.view.loadAdminUnit(prisma, ADMIN, "300001");
        expect(view).toMatchObject({ keys: "own", credentialsSet: { by: "Ada Admin (ada@example.no)" } });
        const pages = [
          view,
          await lib.view.loadAdminUnits(prisma, ADMIN),
          await lib.view.loadPartnerKeys(prisma, ADMIN),
          await lib.listSalesUnits(ADMIN),
        ];
        expectNoSecrets(pages, [...secretsOf(sim), sim.clientId, row.credentialsEncrypted!]);
        expect(JSON.stringify(pages)).not.toMatch(/credentialsEncrypted|callbackAuthTokenHash/);
      });
    });

    describe("test connection, over HTTP against the simulator", () => {
      let other: SimUnit;
      beforeAll(async () => {
        other = await sim.createUnit("300002", "Annen butikk", "reserve");
        await addUnit("300002");
      });

      const test = async (msn: string) => {
        const r = await lib.actions.test({}, form({ msn }));
        expect(r.serverError).toBeUndefined();
        return r.data!;
      };

      it("passes with the right keys: environment and latency, and the calls are in the API log", async () => {
        const result = await test("300001");
        expect(result).toMatchObject({ ok: true, environment: "simulator", keyMode: "merchant" });
        if (!result.ok) return;
        expect(result.tokenMs).toBeGreaterThanOrEqual(0);
        expect(result.detailsMs).toBeGreaterThanOrEqual(0);
        await lib.flushLog();
        const calls = await prisma.apiCallLog.findMany({ where: { msn: "300001" }, orderBy: { at: "asc" } });
        expect(calls.map((c) => [c.operation, c.httpStatus])).toEqual([
          ["accessToken", 200],
          ["details", 404],
        ]);
        expect(calls[1]).toMatchObject({ errorGroup: "Merchant", errorCode: "35" });
        const [audit] = await audits("sales_unit_connection_tested", "300001");
        expect(audit).toMatchObject({ outcome: "success", userEmail: ADMIN.email });
      });

      it.each([
        [
          "a wrong subscription key",
          { subscriptionKey: "0123456789abcdef0123456789abcdef" },
          "subscription_key",
          "token",
          "gateway.401.subscription-key-invalid",
        ],
        [
          "a wrong client_secret",
          { clientSecret: "not-the-right-secret" },
          "client_secret",
          "token",
          "token.invalid-client",
        ],
        [
          "an unknown client_id",
          { clientId: "00000000-0000-4000-8000-000000000000" },
          "client_id",
          "token",
          "token.unauthorized-client",
        ],
      ])("explains %s", async (_what, wrong, cause, stage, remedy) => {
        const right = keysOf(await simUnit("300002"));
        const r = await saveKeys("300002", { ...right, ...wrong }, "save_and_test");
        expect(r.data?.test).toMatchObject({ ok: false, tried: true, cause, stage, remedy: { id: remedy } });
        expectNoSecrets(r, [...secretsOf(other), ...Object.values(wrong)]);
        expect(nb.salesUnitsAdmin.test.causes[cause as "client_id"]).toBeTruthy();
      });

      it("explains keys of another MSN", async () => {
        const mine = await simUnit("300001");
        const r = await saveKeys("300002", keysOf(mine), "save_and_test");
        expect(r.data?.test).toMatchObject({
          ok: false,
          tried: true,
          cause: "other_msn",
          stage: "details",
          httpStatus: 403,
          remedy: { id: "gateway.403.msn-mismatch" },
        });
      });

      it("explains a sales unit deactivated at Vipps (Merchant/37)", async () => {
        await saveKeys("300002", keysOf(other));
        expect((await test("300002")).ok).toBe(true);
        await fetch(`${app.sim.url}/_sim/sales-units/300002`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ active: false }),
        });
        try {
          expect(await test("300002")).toMatchObject({
            ok: false,
            cause: "deactivated_at_vipps",
            errorCode: "37",
            remedy: { id: "vipps.Merchant.37" },
          });
        } finally {
          await fetch(`${app.sim.url}/_sim/sales-units/300002`, {
            method: "PATCH",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ active: true }),
          });
        }
      });

      it("says so, and calls nothing, for a unit deactivated here or without keys", async () => {
        await addUnit("300003");
        expect(await test("300003")).toEqual({ ok: false, tried: false, problem: "no_keys", environment: "simulator" });
        await lib.actions.active({}, form({ msn: "300002", active: "false" }));
        await lib.flushLog();
        const before = await prisma.apiCallLog.count({ where: { msn: "300002" } });
        expect(await test("300002")).toEqual({
          ok: false,
          tried: false,
          problem: "inactive",
          environment: "simulator",
        });
        await lib.flushLog();
        expect(await prisma.apiCallLog.count({ where: { msn: "300002" } })).toBe(before);
        await lib.actions.active({}, form({ msn: "300002", active: "true" }));
        const outcomes = (await audits("sales_unit_connection_tested", "300002")).map((a) => a.outcome);
        expect(outcomes.slice(-1)).toEqual(["refused"]);
        expect(outcomes).toContain("failed");
      });

      it("never writes a key or an access token to a log line or a logged API call", async () => {
        const lines: string[] = [];
        const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
          vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
            lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" "));
          }),
        );
        const write = process.stdout.write.bind(process.stdout);
        const writeErr = process.stderr.write.bind(process.stderr);
        const capture = (chunk: unknown) => {
          lines.push(String(chunk));
          return true;
        };
        process.stdout.write = capture as typeof process.stdout.write;
        process.stderr.write = capture as typeof process.stderr.write;
        const before = await prisma.apiCallLog.count();
        try {
          const mine = await simUnit("300001");
          // One that passes (a token is fetched) and one that fails on a wrong secret.
          expect((await test("300001")).ok).toBe(true);
          const wrong = { ...keysOf(await simUnit("300002")), clientSecret: "wrong-secret-that-must-not-be-logged" };
          expect((await saveKeys("300002", wrong, "save_and_test")).data?.test).toMatchObject({ ok: false });
          await lib.flushLog();
          const rows = await prisma.apiCallLog.findMany({ orderBy: { id: "asc" }, skip: before });
          expect(rows.length).toBeGreaterThanOrEqual(3);
          const secrets = [...secretsOf(mine), ...secretsOf(other), wrong.clientSecret];
          expectNoSecrets(rows, secrets);
          expectNoSecrets(lines, secrets);
          // No access token (a JWT) either: the token response is logged with it masked.
          const jwt = /eyJ[\w-]{10,}\.[\w-]{10,}/;
          expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(jwt);
          expect(lines.join("\n")).not.toMatch(jwt);
          const tokenRow = rows.find((r) => r.operation === "accessToken" && r.httpStatus === 200);
          expect(tokenRow?.responseBody).toMatchObject({ access_token: "[masked]" });
        } finally {
          process.stdout.write = write;
          process.stderr.write = writeErr;
          for (const s of spies) s.mockRestore();
        }
      });

      it("audits every test with its outcome and cause, never a key", async () => {
        const rows = await prisma.auditLog.findMany({ where: { action: { startsWith: "sales_unit" } } });
        expect(rows.length).toBeGreaterThan(8);
        const failed = rows.find((r) => r.action === "sales_unit_connection_tested" && r.outcome === "failed");
        expect(failed?.details).toMatchObject({
          stage: "token",
          remedy: expect.any(String),
          cause: expect.any(String),
        });
        expectNoSecrets(rows, [...secretsOf(other), ...secretsOf(await simUnit("300001"))]);
      });
    });

    describe("rotating keys", () => {
      it("replaces them and forgets every token fetched with the old ones", async () => {
        const old = keysOf(await simUnit("300002"));
        await saveKeys("300002", old);
        // A call through the app's own client caches a token for the old keys.
        await expect((await lib.ecomClientFor("300002")).getPaymentDetails("nope-1")).rejects.toMatchObject({
          errorCode: "35",
        });
        expect(lib.tokens.holdsTokenFor(old)).toBe(true);
        const rotated = { ...old, clientSecret: "rotated-secret-value-1234" };
        await saveKeys("300002", rotated);
        expect(lib.tokens.holdsTokenFor(old)).toBe(false);
        const row = await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300002" } });
        expect(lib.keys.openCredentials(row.credentialsEncrypted!, lib.encryptionKey, "300002")).toEqual(rotated);
        // The next call goes with the new keys (which this simulator unit does not know).
        await expect((await lib.ecomClientFor("300002")).getPaymentDetails("nope-1")).rejects.toMatchObject({
          errorCode: "invalid_client",
        });
        const rows = await audits("sales_unit_keys_set", "300002");
        expect(rows.at(-1)?.details).toEqual({ source: "own", replaced: "own" });
        await saveKeys("300002", old);
      });
    });

    describe("partner keys", () => {
      let partner: { partnerId: string; clientId: string; clientSecret: string; subscriptionKey: string };
      beforeAll(async () => {
        const r = await fetch(`${app.sim.url}/_sim/partners`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ msns: ["300001"] }),
        });
        partner = (await r.json()) as typeof partner;
      });
      const partnerKeys = () => ({
        clientId: partner.clientId,
        clientSecret: partner.clientSecret,
        subscriptionKey: partner.subscriptionKey,
      });

      it("are added write-only, chosen by units of their environment, and send Merchant-Serial-Number", async () => {
        const created = await lib.actions.createPartner(
          {},
          form({ name: "Partner AS", environment: "simulator", ...partnerKeys() }),
        );
        expect(created.data).toEqual({ ok: true });
        expectNoSecrets(created, [partner.clientSecret, partner.subscriptionKey]);
        const duplicate = await lib.actions.createPartner(
          {},
          form({ name: "Partner AS", environment: "test", ...partnerKeys() }),
        );
        expect(duplicate.data).toEqual({ ok: false, error: nb.salesUnitsAdmin.partnerKeys.duplicateName });
        const key = await prisma.partnerKey.findUniqueOrThrow({ where: { name: "Partner AS" } });
        expectNoSecrets(key.credentialsEncrypted, [partner.clientSecret, partner.subscriptionKey]);

        const chosen = await lib.actions.choosePartner({}, form({ msn: "300001", partnerKeyId: key.id }));
        expect(chosen.data).toEqual({ ok: true });
        const unit = await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } });
        expect(unit).toMatchObject({ partnerKeyId: key.id, credentialsEncrypted: null });
        const r = await lib.actions.test({}, form({ msn: "300001" }));
        expect(r.data).toMatchObject({ ok: true, keyMode: "partner" });
        // Not connected to the partner at "Vipps": explained.
        await lib.actions.choosePartner({}, form({ msn: "300003", partnerKeyId: key.id }));
        expect((await lib.actions.test({}, form({ msn: "300003" }))).data).toMatchObject({
          ok: false,
          cause: "partner_msn",
          remedy: { id: "gateway.403.partner-msn" },
        });
        const pages = [
          await lib.view.loadPartnerKeys(prisma, ADMIN),
          await lib.view.loadAdminUnit(prisma, ADMIN, "300001"),
          await lib.view.loadAdminUnits(prisma, ADMIN),
        ];
        expect(pages[0]).toMatchObject([{ name: "Partner AS", units: [{ msn: "300001" }, { msn: "300003" }] }]);
        expectNoSecrets(pages, [partner.clientSecret, partner.subscriptionKey, partner.clientId]);
      });

      it("of another environment are refused; one in use cannot be deleted; rotating forgets its tokens", async () => {
        await addUnit("300004", { environment: "test" });
        const key = await prisma.partnerKey.findUniqueOrThrow({ where: { name: "Partner AS" } });
        const wrongEnv = await lib.actions.choosePartner({}, form({ msn: "300004", partnerKeyId: key.id }));
        expect(wrongEnv.data).toEqual({ ok: false, error: nb.salesUnitsAdmin.partnerChoice.environmentMismatch });
        const del = await lib.actions.deletePartner({}, form({ id: key.id }));
        expect(del.data).toEqual({
          ok: false,
          error: "Partnernøkkelen brukes av 2 salgssted(er). Gi dem andre nøkler først.",
        });
        expect(lib.tokens.holdsTokenFor(partnerKeys())).toBe(true);
        const rotated = { ...partnerKeys(), clientSecret: "partner-rotated-secret" };
        expect((await lib.actions.rotatePartner({}, form({ id: key.id, ...rotated }))).data).toEqual({ ok: true });
        expect(lib.tokens.holdsTokenFor(partnerKeys())).toBe(false);
        expect((await lib.actions.test({}, form({ msn: "300001" }))).data).toMatchObject({ cause: "client_secret" });
        // Back to own keys: the unit no longer uses the partner key, which can then go.
        await saveKeys("300001", keysOf(await simUnit("300001")));
        await saveKeys("300003", keysOf(await simUnit("300003")));
        expect((await lib.actions.deletePartner({}, form({ id: key.id }))).data).toEqual({ ok: true });
        expect(
          (
            await prisma.auditLog.findMany({
              where: { action: { startsWith: "partner_key_" } },
              orderBy: { id: "asc" },
            })
          ).map((a) => a.action),
        ).toEqual(["partner_key_created", "partner_key_rotated", "partner_key_deleted"]);
      });
    });

    describe("callback authToken", () => {
      it("is shown once, stored as its sha256 only, and can be rotated and removed", async () => {
        const first = await lib.actions.callbackToken({}, form({ msn: "300001", change: "new" }));
        const token = first.data?.token;
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const row = await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } });
        expect(row.callbackAuthTokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
        const { authTokenMatches } = await import("@/lib/ingest/callback");
        expect(authTokenMatches(token!, row.callbackAuthTokenHash!)).toBe(true);
        const view = await lib.view.loadAdminUnit(prisma, ADMIN, "300001");
        expect(view?.callbackToken).toMatchObject({ by: "Ada Admin (ada@example.no)" });
        expectNoSecrets(view, [token!, row.callbackAuthTokenHash!]);
        const second = await lib.actions.callbackToken({}, form({ msn: "300001", change: "new" }));
        expect(second.data?.token).not.toBe(token);
        expect(
          authTokenMatches(
            token!,
            (await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } })).callbackAuthTokenHash!,
          ),
        ).toBe(false);
        await lib.actions.callbackToken({}, form({ msn: "300001", change: "remove" }));
        expect(
          (await prisma.salesUnit.findUniqueOrThrow({ where: { msn: "300001" } })).callbackAuthTokenHash,
        ).toBeNull();
        const rows = await audits("callback_token_set", "300001");
        expect(rows.map((r) => (r.details as { change: string }).change)).toEqual(["set", "replaced", "removed"]);
        expectNoSecrets(rows, [token!, second.data!.token!]);
      });
    });

    describe("deactivation", () => {
      it("stops every call to Vipps and money operations, keeps history readable, and is audited", async () => {
        await lib.actions.active({}, form({ msn: "300001", active: "false" }));
        await expect(lib.ecomClientFor("300001")).rejects.toMatchObject({ code: "not_found" });
        // Setting what it already is changes nothing and is not audited again.
        await lib.actions.active({}, form({ msn: "300001", active: "false" }));
        expect(await audits("sales_unit_deactivated", "300001")).toHaveLength(1);
        const listed = await lib.listSalesUnits(ADMIN);
        expect(listed.find((u) => u.msn === "300001")).toMatchObject({ active: false, hasCredentials: true });
        await lib.actions.active({}, form({ msn: "300001", active: "true" }));
        expect(await audits("sales_unit_reactivated", "300001")).toHaveLength(1);
        await expect(lib.ecomClientFor("300001")).resolves.toBeDefined();
      });

      it("a money operation on a deactivated unit is refused before any ledger row or call", async () => {
        const { submitMoneyOperation } = await import("@/lib/money/engine");
        const { reconcileOnce } = await import("@/lib/payments/reconciler/reconciler");
        const client = await lib.ecomClientFor("300002");
        const { url } = await client.initiatePayment({
          orderId: "deact-1",
          amount: 10000,
          transactionText: "Test",
          callbackPrefix: "https://shop.example/vipps",
          fallBack: "https://shop.example/done",
        });
        await client.approvePaymentIntegrationTest({
          orderId: "deact-1",
          token: new URL(url).searchParams.get("token")!,
        });
        const { applyDetails } = await import("@/lib/payments/sync/sync");
        await applyDetails(prisma, "300002", await client.getPaymentDetails("deact-1"));
        await prisma.payment.updateMany({ where: { msn: "300002" }, data: { nextPollAt: new Date(0) } });
        await lib.actions.active({}, form({ msn: "300002", active: "false" }));
        const clientFor = vi.fn(lib.ecomClientFor);
        const result = await submitMoneyOperation({ db: prisma, clientFor }, ADMIN, {
          msn: "300002",
          orderId: "deact-1",
          kind: "capture",
          amount: 5000,
          idempotencyKey: "deact-capture-1",
        });
        expect(result).toMatchObject({ outcome: "refused", refusal: { code: "unit_inactive" } });
        expect(clientFor).not.toHaveBeenCalled();
        expect(await prisma.moneyOperation.count({ where: { msn: "300002" } })).toBe(0);
        // The reconciler leaves its payments alone (still due) until the unit is back.
        const round = await reconcileOnce({ db: prisma, clientFor, log: () => {} });
        expect(clientFor).not.toHaveBeenCalled();
        expect(round.claimed).toBe(0);
        await lib.actions.active({}, form({ msn: "300002", active: "true" }));
        expect((await reconcileOnce({ db: prisma, clientFor, log: () => {} })).claimed).toBeGreaterThan(0);
      });
    });

    describe("the simulator's keys (demo mode)", () => {
      it("are shown for a simulator unit, and refused for a test-environment unit", async () => {
        const shown = await lib.actions.simKeys({}, form({ msn: "300003" }));
        expect(shown.data).toEqual({ ok: true, keys: keysOf(await simUnit("300003")) });
        expect(await lib.actions.simKeys({}, form({ msn: "300004" }))).toEqual({
          serverError: nb.actions.errors.forbidden,
        });
      });
    });
  });
}
