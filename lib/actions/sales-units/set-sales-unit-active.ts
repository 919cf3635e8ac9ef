"use server";
// An admin deactivates or reactivates a sales unit.
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { setSalesUnitActive } from "@/lib/sales-units/manage";
import { activeInput } from "./input";
import { revalidateUnits } from "./revalidate";

export const setSalesUnitActiveAction = actionClient
  .metadata({ name: "set-sales-unit-active", permission: "salesunits:manage" })
  .inputSchema(activeInput, translatedErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    await setSalesUnitActive(await db(), ctx.actor, p.msn, p.active);
    revalidateUnits(p.msn);
    return { ok: true as const, active: p.active };
  });
