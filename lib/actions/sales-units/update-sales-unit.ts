"use server";
// An admin renames a sales unit or records its capture type.
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { updateSalesUnit } from "@/lib/sales-units/manage";
import { unitDetailsInput, unitInputErrors } from "./input";
import { revalidateUnits } from "./revalidate";

export const updateSalesUnitAction = actionClient
  .metadata({ name: "update-sales-unit", permission: "salesunits:manage" })
  .inputSchema(unitDetailsInput, unitInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    await updateSalesUnit(await db(), ctx.actor, p.msn, { name: p.name, captureType: p.captureType });
    revalidateUnits(p.msn);
    return { ok: true as const };
  });
