"use server";
// An admin adds a partner key (write-only: the result never carries the keys).
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { secrets } from "@/lib/secrets";
import { createPartnerKey } from "@/lib/sales-units/partner-keys";
import { newPartnerKeyInput, unitInputErrors } from "./input";
import { revalidateUnits } from "./revalidate";

export type PartnerKeyState = { ok: true } | { ok: false; error: string };

export const createPartnerKeyAction = actionClient
  .metadata({ name: "create-partner-key", permission: "salesunits:manage" })
  .inputSchema(newPartnerKeyInput, unitInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<PartnerKeyState> => {
    const created = await createPartnerKey(await db(), ctx.actor, p, { encryptionKey: secrets().encryptionKey });
    if (!created.ok) return { ok: false, error: ctx.t.salesUnitsAdmin.partnerKeys.duplicateName };
    revalidateUnits();
    return { ok: true };
  });
