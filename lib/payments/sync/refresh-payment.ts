// "Refresh from Vipps": GET /details for one payment the actor may see, stored with applyDetails.
import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, assertMsn, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { applyDetails } from "@/lib/payments/sync/sync";
import { ecomClientFor } from "@/lib/payments/sync/vipps";

/** The actor must see the MSN, or it is "not found"; Vipps' failures surface as EcomError. */
export async function refreshPayment(actor: Actor | null, msn: string, orderId: string): Promise<void> {
  assertCan(actor, "payments:read");
  assertMsn(actor, msn);
  const prisma = await db();
  const exists = await prisma.payment.findUnique({ where: { msn_orderId: { msn, orderId } }, select: { id: true } });
  if (!exists) throw new AppError("not_found", `payment ${msn}/${orderId} not known`);
  const details = await (await ecomClientFor(msn)).getPaymentDetails(orderId);
  await applyDetails(prisma, msn, details);
  await audit(prisma, { action: "payment_refreshed", outcome: "success", who: actor, msn, orderId });
}
