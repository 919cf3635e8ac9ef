"use server";
// The money dialog, as it opens: a fresh summary from Vipps (lib/money/panel.ts).
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { db } from "@/lib/db/client";
import { msnSchema, orderIdSchema } from "@/lib/ids";
import { moneyPanelFromVipps } from "@/lib/money/panel";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

const input = zfd.formData({ msn: msnSchema, orderId: orderIdSchema });

export const readMoneyPanelAction = actionClient
  .metadata({ name: "read-money-panel", permission: "payments:money" })
  .inputSchema(input, translatedErrors)
  .action(async ({ parsedInput: { msn, orderId }, ctx }) =>
    moneyPanelFromVipps({ db: await db(), clientFor: ecomClientFor }, ctx.actor, msn, orderId),
  );
