"use server";
// An admin makes (or removes) a sales unit's callback authToken. A new token is in this result once;
// only its sha256 is stored.
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { setCallbackToken } from "@/lib/sales-units/manage";
import { callbackTokenInput } from "./input";
import { revalidateUnits } from "./revalidate";

export const setCallbackTokenAction = actionClient
  .metadata({ name: "set-callback-token", permission: "salesunits:manage" })
  .inputSchema(callbackTokenInput, translatedErrors)
  .stateAction(async ({ parsedInput: p, ctx }) => {
    const { token } = await setCallbackToken(await db(), ctx.actor, p.msn, p.change);
    revalidateUnits(p.msn);
    return { ok: true as const, token };
  });
