"use server";
// An admin adds a sales unit (lib/sales-units/manage.ts). In demo mode a unit of the simulator
// environment is registered with the simulator too, which issues its keys (lib/sales-units/simulator.ts).
import { redirect } from "next/navigation";
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { interpolate } from "@/lib/i18n/locales";
import { createSalesUnit } from "@/lib/sales-units/manage";
import { adminUnitPath } from "@/lib/sales-units/paths";
import { simulatorKeysFor } from "@/lib/sales-units/simulator";
import { newUnitInput, unitInputErrors } from "./input";
import { revalidateUnits } from "./revalidate";

export type CreateSalesUnitState = { ok: false; field: "msn"; error: string };

export const createSalesUnitAction = actionClient
  .metadata({ name: "create-sales-unit", permission: "salesunits:manage" })
  .inputSchema(newUnitInput, unitInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<CreateSalesUnitState> => {
    const created = await createSalesUnit(await db(), ctx.actor, p);
    if (!created.ok)
      return { ok: false, field: "msn", error: interpolate(ctx.t.salesUnitsAdmin.create.duplicate, { msn: p.msn }) };
    revalidateUnits(p.msn);
    let sim = "";
    if (p.environment === "simulator" && env().demoMode) {
      const registered = await simulatorKeysFor(p);
      sim = `&sim=${registered.ok ? "registered" : "unreachable"}`;
    }
    redirect(`${adminUnitPath(p.msn)}?created=1${sim}`);
  });
