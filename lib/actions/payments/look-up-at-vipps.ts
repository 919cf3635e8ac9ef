"use server";
// "Look up at Vipps" on the search page (lib/payments/remote/look-up-at-vipps.ts does the work).
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { orderIdSchema } from "@/lib/ids";
import { lookUpAtVipps } from "@/lib/payments/lookup/look-up-at-vipps";

const lookUpAtVippsInput = zfd.formData({ orderId: orderIdSchema });

export const lookUpAtVippsAction = actionClient
  .metadata({ name: "look-up-at-vipps", permission: "payments:read" })
  .inputSchema(lookUpAtVippsInput, translatedErrors)
  .stateAction(async ({ parsedInput, ctx }) => ({ results: await lookUpAtVipps(ctx.actor, parsedInput.orderId) }));
