"use server";
// An admin deletes a partner key no sales unit uses.
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { interpolate } from "@/lib/i18n/locales";
import { secrets } from "@/lib/secrets";
import { deletePartnerKey } from "@/lib/sales-units/partner-keys";
import { partnerKeyIdInput } from "./input";
import { revalidateUnits } from "./revalidate";
import type { PartnerKeyState } from "./create-partner-key";

export const deletePartnerKeyAction = actionClient
  .metadata({ name: "delete-partner-key", permission: "salesunits:manage" })
  .inputSchema(partnerKeyIdInput, translatedErrors)
  .stateAction(async ({ parsedInput: p, ctx }): Promise<PartnerKeyState> => {
    const deleted = await deletePartnerKey(await db(), ctx.actor, p.id, { encryptionKey: secrets().encryptionKey });
    if (!deleted.ok)
      return { ok: false, error: interpolate(ctx.t.salesUnitsAdmin.partnerKeys.inUse, { count: deleted.units }) };
    revalidateUnits();
    return { ok: true };
  });
