"use server";
// An admin points a sales unit at a partner key instead of its own keys.
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { secrets } from "@/lib/secrets";
import { chooseSalesUnitPartnerKey } from "@/lib/sales-units/manage";
import { unitInputErrors, choosePartnerKeyInput } from "./input";
import { revalidateUnits } from "./revalidate";

export type ChoosePartnerKeyState = { ok: true } | { ok: false; error: string };

export const choosePartnerKeyAction = actionClient
  .metadata({ name: "choose-partner-key", permission: "salesunits:manage" })
  .inputSchema(choosePartnerKeyInput, unitInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<ChoosePartnerKeyState> => {
    const used = await chooseSalesUnitPartnerKey(await db(), ctx.actor, p.msn, p.partnerKeyId, {
      encryptionKey: secrets().encryptionKey,
    });
    if (!used.ok) return { ok: false, error: ctx.t.salesUnitsAdmin.partnerChoice.environmentMismatch };
    revalidateUnits(p.msn);
    return { ok: true };
  });
