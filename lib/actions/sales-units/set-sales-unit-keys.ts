"use server";
// An admin enters a sales unit's keys (write-only: the result never carries them), and optionally
// tests them at once ("Save and test").
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { secrets } from "@/lib/secrets";
import type { ConnectionTestResult } from "@/lib/sales-units/connection-test";
import { setSalesUnitKeys } from "@/lib/sales-units/manage";
import { unitInputErrors, unitKeysInput } from "./input";
import { revalidateUnits } from "./revalidate";
import { runConnectionTest } from "./run-connection-test";

export type SetKeysState = { ok: true; test: ConnectionTestResult | null };

export const setSalesUnitKeysAction = actionClient
  .metadata({ name: "set-sales-unit-keys", permission: "salesunits:manage" })
  .inputSchema(unitKeysInput, unitInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<SetKeysState> => {
    await setSalesUnitKeys(await db(), ctx.actor, p.msn, p.credentials, { encryptionKey: secrets().encryptionKey });
    revalidateUnits(p.msn);
    return { ok: true, test: p.intent === "save_and_test" ? await runConnectionTest(ctx.actor, p.msn) : null };
  });
