"use server";
// An admin replaces a partner key's keys; every unit using it uses the new ones.
import { actionClient } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { secrets } from "@/lib/secrets";
import { rotatePartnerKey } from "@/lib/sales-units/partner-keys";
import { rotatePartnerKeyInput, unitInputErrors } from "./input";
import { revalidateUnits } from "./revalidate";

export const rotatePartnerKeyAction = actionClient
  .metadata({ name: "rotate-partner-key", permission: "salesunits:manage" })
  .inputSchema(rotatePartnerKeyInput, unitInputErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    await rotatePartnerKey(await db(), ctx.actor, p.id, p.credentials, { encryptionKey: secrets().encryptionKey });
    revalidateUnits();
    return { ok: true as const };
  });
