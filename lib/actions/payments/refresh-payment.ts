"use server";
// "Refresh from Vipps": GET /details for one payment the actor may see, stored with applyDetails.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { assertCan, assertMsn, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isEcomError } from "@/lib/ecom";
import { AppError, isAppError } from "@/lib/errors";
import { getI18n } from "@/lib/i18n/server";
import { applyDetails } from "@/lib/payments/sync";
import { ecomClientFor } from "@/lib/payments/vipps";

const input = z.object({ msn: z.string().regex(/^\d{5,7}$/), orderId: z.string().regex(/^[a-zA-Z0-9-]{1,50}$/) });

/** The plain function, for tests and jobs: the actor must see the MSN, or it is "not found". */
export async function refreshPayment(actor: Actor | null, msn: string, orderId: string) {
  assertCan(actor, "payments:read");
  assertMsn(actor, msn);
  const prisma = await db();
  const exists = await prisma.payment.findUnique({ where: { msn_orderId: { msn, orderId } }, select: { id: true } });
  if (!exists) throw new AppError("not_found", `payment ${msn}/${orderId} not known`);
  const details = await (await ecomClientFor(msn)).getPaymentDetails(orderId);
  await applyDetails(prisma, msn, details);
  await prisma.auditLog.create({
    data: { userId: actor.id, userEmail: actor.email, action: "refresh_payment", outcome: "success", msn, orderId },
  });
}

export interface RefreshState {
  ok?: boolean;
  message?: string;
}

export async function refreshPaymentAction(_prev: RefreshState, form: FormData): Promise<RefreshState> {
  const { t } = await getI18n();
  const parsed = input.safeParse({ msn: form.get("msn"), orderId: form.get("orderId") });
  if (!parsed.success) return { ok: false, message: t.payment.refresh.invalid };
  try {
    await refreshPayment(await getActor(), parsed.data.msn, parsed.data.orderId);
    revalidatePath(`/payments/${parsed.data.msn}/${parsed.data.orderId}`);
    return { ok: true, message: t.payment.refresh.done };
  } catch (err) {
    if (isAppError(err))
      return { ok: false, message: err.code === "not_found" ? t.payment.refresh.notFound : t.payment.refresh.failed };
    if (isEcomError(err))
      return { ok: false, message: `${t.payment.refresh.vippsFailed} ${err.errorCode ?? err.httpStatus ?? err.kind}` };
    throw err;
  }
}
