"use server";
// "Refresh from Vipps" on the payment page (lib/payments/remote/refresh-payment.ts does the work).
import { revalidatePath } from "next/cache";
import { zfd } from "zod-form-data";
import { actionClient, translatedErrors } from "@/lib/actions/client";
import { isEcomError } from "@/lib/ecom";
import { msnSchema, orderIdSchema, paymentHref } from "@/lib/ids";
import { refreshPayment } from "@/lib/payments/sync/refresh-payment";

const refreshPaymentInput = zfd.formData({ msn: msnSchema, orderId: orderIdSchema });

export const refreshPaymentAction = actionClient
  .metadata({ name: "refresh-payment", permission: "payments:read" })
  .inputSchema(refreshPaymentInput, translatedErrors)
  .stateAction(async ({ parsedInput: { msn, orderId }, ctx }) => {
    try {
      await refreshPayment(ctx.actor, msn, orderId);
    } catch (err) {
      // What Vipps said is worth showing (a code, a status); it is never a secret.
      if (isEcomError(err)) return { ok: false as const, vipps: err.errorCode ?? String(err.httpStatus ?? err.kind) };
      throw err;
    }
    revalidatePath(paymentHref(msn, orderId));
    return { ok: true as const };
  });
